namespace EntryPoint.Core.Users;

/// <summary>One group from /etc/group; <see cref="Members"/> are the user names listed as supplementary members.</summary>
public sealed record GroupEntry(string Name, uint Gid, IReadOnlyList<string> Members);

/// <summary>The image's /etc/group, read directly for the same reason as <see cref="Passwd"/>.</summary>
public static class Group
{
    public const string DefaultPath = "/etc/group";

    /// <summary>
    /// Parses group(5) text: four colon-separated fields per line, <c>name:password:GID:user_list</c>, the list
    /// comma-separated and possibly empty, e.g. <c>gpio:x:997:pi,node</c> or <c>node:x:1000:</c>. Comments, blank and
    /// malformed lines are skipped.
    /// </summary>
    public static IReadOnlyList<GroupEntry> Parse(string text)
    {
        var entries = new List<GroupEntry>();
        foreach (var fields in Passwd.Records(text, 4))
        {
            if (Passwd.TryParseId(fields[2], out var gid))
            {
                var members = fields[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                entries.Add(new GroupEntry(fields[0], gid, members));
            }
        }

        return entries;
    }

    /// <summary>Reads and parses the file; a missing file is an empty list.</summary>
    public static IReadOnlyList<GroupEntry> Read(string path = DefaultPath) =>
        File.Exists(path) ? Parse(File.ReadAllText(path)) : [];
}
