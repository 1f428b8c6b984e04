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
    /// <remarks>
    /// Of mounts stacked on one path, the top one is the one no other mount there sits on (by parent ID); the
    /// kernel lists mounts in the order they were made, but a moved mount can come later, so order only breaks ties.
    /// </remarks>
    public MountEntry? At(string hostPath)
    {
        var here = Entries.Where(e => e.MountPoint == hostPath).ToList();
        return here.LastOrDefault(e => !here.Any(other => other.ParentId == e.Id && other.Id != e.Id)) ?? here.LastOrDefault();
    }
}
