using System.Text;

namespace EntryPoint.Core.Mounts;

/// <summary>
/// Parses /proc/[pid]/mountinfo (proc(5)). A line reads:
/// <code>
/// 36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue
/// (1)(2) (3)   (4)   (5)      (6)      (7)   (8)  (9)   (10)       (11)
/// </code>
/// (1) mount ID, (2) parent ID, (3) major:minor, (4) root, (5) mount point, (6) per-mount options,
/// (7) zero or more optional fields "tag[:value]", (8) the separator "-", (9) filesystem type,
/// (10) mount source, (11) superblock options. The kernel escapes space, tab, newline and backslash in
/// paths as \040 \011 \012 \134 (and '#' as \043 in some fields); any \ooo is decoded here.
/// A line that does not fit is skipped, never thrown on: a mount table we half-understand must not stop a container.
/// </summary>
public static class MountInfoParser
{
    public const string SelfMountInfo = "/proc/self/mountinfo";

    public static MountTable Parse(string text)
    {
        var entries = new List<MountEntry>();
        foreach (var line in text.Split('\n'))
        {
            if (TryParseLine(line, out var entry))
            {
                entries.Add(entry);
            }
        }

        return new MountTable(entries);
    }

    /// <summary>Reads the table as bytes, so names that are not UTF-8 survive until decoding.</summary>
    public static MountTable Read(string path = SelfMountInfo)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            return Parse(Encoding.UTF8.GetString(bytes));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new MountTable([], $"cannot read {path}: {e.Message}");
        }
    }

    public static bool TryParseLine(string line, out MountEntry entry)
    {
        entry = null!;
        line = line.TrimEnd('\r');
        if (line.Length == 0)
        {
            return false;
        }

        // Split on single spaces: an empty mount source shows up as two spaces in a row and must stay a field.
        var fields = line.Split(' ');
        if (fields.Length < 10)
        {
            return false;
        }

        var separator = Array.IndexOf(fields, "-", 6);
        if (separator < 0 || fields.Length < separator + 3)
        {
            return false;
        }

        if (!int.TryParse(fields[0], out var id) || !int.TryParse(fields[1], out var parent) || !fields[2].Contains(':'))
        {
            return false;
        }

        if (fields[3].Length == 0 || fields[4].Length == 0)
        {
            return false;
        }

        var optional = fields[6..separator].Where(f => f.Length > 0).ToArray();

        // Superblock options are the last field, but some filesystems (9p on WSL, CIFS) put raw spaces in them.
        var superOptions = string.Join(' ', fields[(separator + 3)..]);

        entry = new MountEntry(
            id,
            parent,
            fields[2],
            Unescape(fields[3]),
            Unescape(fields[4]),
            fields[5],
            optional,
            Unescape(fields[separator + 1]),
            Unescape(fields[separator + 2]),
            superOptions);
        return true;
    }

    /// <summary>Decodes every backslash followed by three octal digits into that byte; anything else stays as is.</summary>
    public static string Unescape(string field)
    {
        if (!field.Contains('\\'))
        {
            return field;
        }

        var bytes = new List<byte>(field.Length);
        var raw = Encoding.UTF8.GetBytes(field);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == (byte)'\\' && IsOctalRun(raw, i + 1))
            {
                var value = ((raw[i + 1] - '0') << 6) | ((raw[i + 2] - '0') << 3) | (raw[i + 3] - '0');
                if (value <= 0xFF)
                {
                    bytes.Add((byte)value);
                    i += 3;
                    continue;
                }
            }

            bytes.Add(raw[i]);
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static bool IsOctalRun(byte[] raw, int start) =>
        start + 2 < raw.Length && IsOctal(raw[start]) && IsOctal(raw[start + 1]) && IsOctal(raw[start + 2]);

    private static bool IsOctal(byte b) => b is >= (byte)'0' and <= (byte)'7';
}
