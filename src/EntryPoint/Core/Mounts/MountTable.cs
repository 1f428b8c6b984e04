namespace EntryPoint.Core.Mounts;

/// <summary>The mount table in kernel order; later lines are mounted on top of earlier ones.</summary>
public sealed class MountTable
{
    public MountTable(IReadOnlyList<MountEntry> entries, string? readError = null)
    {
        Entries = entries;
        ReadError = readError;
    }

    public IReadOnlyList<MountEntry> Entries { get; }

    /// <summary>Why the table is empty, when it could not be read; findings mention it instead of guessing.</summary>
    public string? ReadError { get; }

    /// <summary>The mount whose mount point is exactly <paramref name="hostPath"/>; the top one of a stack.</summary>
    public MountEntry? At(string hostPath)
    {
        for (var i = Entries.Count - 1; i >= 0; i--)
        {
            if (Entries[i].MountPoint == hostPath)
            {
                return Entries[i];
            }
        }

        return null;
    }

    /// <summary>The mount that holds <paramref name="hostPath"/>: the longest mount point above it, the top one of a stack.</summary>
    public MountEntry? Containing(string hostPath)
    {
        MountEntry? best = null;
        for (var i = Entries.Count - 1; i >= 0; i--)
        {
            var mp = Entries[i].MountPoint;
            var holds = mp == hostPath || mp == "/" || (hostPath.StartsWith(mp, StringComparison.Ordinal) && hostPath.Length > mp.Length && hostPath[mp.Length] == '/');
            if (holds && (best is null || mp.Length > best.MountPoint.Length))
            {
                best = Entries[i];
            }
        }

        return best;
    }
}
