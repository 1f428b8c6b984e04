using System.Text;

namespace EntryPoint.Os.Exec;

/// <summary>
/// The environment handed to the app, byte for byte as this process got it: read from /proc/self/environ, so the
/// order, duplicate names, entries without '=' and bytes that are not UTF-8 all survive (the .NET view of the
/// environment is a dictionary of decoded strings, which keeps none of these). Changes the entrypoint makes
/// (a variable set, changed or removed in the list it is given) are applied on top.
/// </summary>
public static class EnvironmentBlock
{
    public const string SelfEnviron = "/proc/self/environ";

    /// <summary>This process's environment as .NET sees it: the list the entrypoint changes before handing it on.</summary>
    public static List<KeyValuePair<string, string>> Current() =>
        Environment.GetEnvironmentVariables()
            .Cast<System.Collections.DictionaryEntry>()
            .Select(e => new KeyValuePair<string, string>((string)e.Key, (string?)e.Value ?? ""))
            .ToList();

    /// <summary>The raw entries of <paramref name="path"/>, or null when it cannot be read (no /proc).</summary>
    public static IReadOnlyList<byte[]>? ReadRaw(string path = SelfEnviron)
    {
        try
        {
            return Split(File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static List<byte[]> Split(byte[] block)
    {
        var entries = new List<byte[]>();
        var start = 0;
        for (var i = 0; i <= block.Length; i++)
        {
            if (i == block.Length || block[i] == 0)
            {
                if (i > start)
                {
                    entries.Add(block[start..i]);
                }

                start = i + 1;
            }
        }

        return entries;
    }

    /// <summary>
    /// The entries to pass to execve. A raw entry whose name and decoded value match <paramref name="wanted"/>
    /// is passed as it was; a changed value is written in its place; a name missing from
    /// <paramref name="wanted"/> is dropped; an entry without '=' (which no dictionary holds) is kept; names only
    /// in <paramref name="wanted"/> are appended in its order. Without a raw block, <paramref name="wanted"/> as is.
    /// </summary>
    public static List<byte[]> Merge(IReadOnlyList<byte[]>? raw, IReadOnlyList<KeyValuePair<string, string>> wanted)
    {
        if (raw is null)
        {
            return wanted.Select(kv => Encoding.UTF8.GetBytes($"{kv.Key}={kv.Value}")).ToList();
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in wanted)
        {
            values[key] = value;
        }

        // A name whose wanted value is one of its raw values is unchanged: all its raw entries pass as they were.
        var parsed = raw.Select(entry =>
        {
            var eq = Array.IndexOf(entry, (byte)'=');
            return eq < 0
                ? (Entry: entry, Key: (string?)null, Value: "")
                : (Entry: entry, Key: Encoding.UTF8.GetString(entry, 0, eq), Value: Encoding.UTF8.GetString(entry, eq + 1, entry.Length - eq - 1));
        }).ToList();
        var unchanged = parsed.Where(p => p.Key is not null && values.TryGetValue(p.Key, out var v) && v == p.Value).Select(p => p.Key!).ToHashSet(StringComparer.Ordinal);

        var result = new List<byte[]>(raw.Count + 4);
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (entry, key, _) in parsed)
        {
            if (key is null || unchanged.Contains(key))
            {
                result.Add(entry);
                if (key is not null)
                {
                    written.Add(key);
                }
            }
            else if (values.TryGetValue(key, out var value) && written.Add(key))
            {
                result.Add(Encoding.UTF8.GetBytes($"{key}={value}"));
            }
        }

        foreach (var (key, value) in wanted)
        {
            if (written.Add(key))
            {
                result.Add(Encoding.UTF8.GetBytes($"{key}={value}"));
            }
        }

        return result;
    }
}
