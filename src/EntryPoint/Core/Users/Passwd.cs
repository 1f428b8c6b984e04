using System.Globalization;

namespace EntryPoint.Core.Users;

/// <summary>One account from /etc/passwd.</summary>
public sealed record PasswdEntry(string Name, uint Uid, uint Gid, string Gecos, string Home, string Shell);

/// <summary>The image's /etc/passwd, read directly: libc's NSS is no use for a file under <c>--root</c>.</summary>
public static class Passwd
{
    public const string DefaultPath = "/etc/passwd";

    /// <summary>
    /// Parses passwd(5) text: seven colon-separated fields per line, <c>name:password:UID:GID:GECOS:home:shell</c>, e.g.
    /// <c>node:x:1000:1000::/home/node:/bin/sh</c>. Comments, blank lines and lines that are not well-formed (NIS
    /// <c>+</c> entries, a non-numeric id) are skipped, so one bad line cannot stop the start.
    /// </summary>
    public static IReadOnlyList<PasswdEntry> Parse(string text)
    {
        var entries = new List<PasswdEntry>();
        foreach (var fields in Records(text, 7))
        {
            if (TryParseId(fields[2], out var uid) && TryParseId(fields[3], out var gid))
            {
                entries.Add(new PasswdEntry(fields[0], uid, gid, fields[4], fields[5], fields[6]));
            }
        }

        return entries;
    }

    /// <summary>Reads and parses the file; a missing file (a distroless image) is an empty list, not an error.</summary>
    public static IReadOnlyList<PasswdEntry> Read(string path = DefaultPath) =>
        File.Exists(path) ? Parse(File.ReadAllText(path)) : [];

    /// <summary>
    /// The colon-separated records of passwd(5) and group(5) text with exactly <paramref name="fieldCount"/> fields and
    /// a name; comments, blank lines and anything else are skipped.
    /// </summary>
    internal static IEnumerable<string[]> Records(string text, int fieldCount)
    {
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split(':');
            if (fields.Length == fieldCount && fields[0].Length > 0)
            {
                yield return fields;
            }
        }
    }

    // (uid_t)-1 means "no change" to setuid/chown, so it is never a real id.
    internal static bool TryParseId(string text, out uint id) =>
        uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id != uint.MaxValue;
}
