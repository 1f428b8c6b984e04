
namespace EntryPoint.Core.Linking;

/// <summary>Reads the filesystem and mount table into a snapshot; never writes.</summary>
public interface ISnapshotSource
{
    Snapshot Read(IReadOnlyList<LinkSpec> links);

    /// <summary>Looks at one TARGET again, after a change failed, to tell "another run linked it" from a real failure.</summary>
    TargetState ReadTarget(LinkSpec link);
}

/// <summary>The only writes the entrypoint ever makes, on container paths. Each returns errno instead of throwing.</summary>
public interface ILinkWriter
{
    NativeResult CreateDirectories(string containerPath);
    NativeResult Symlink(string linkText, string containerPath);
    NativeResult Rename(string fromContainerPath, string toContainerPath);
    NativeResult UnlinkFileOrSymlink(string containerPath);
    NativeResult RemoveEmptyDirectory(string containerPath);
    bool IsSymlink(string containerPath);

    /// <summary>Swaps two names atomically (RENAME_EXCHANGE); EINVAL where the filesystem cannot.</summary>
    NativeResult Exchange(string containerPathA, string containerPathB);

    /// <summary>Renames without replacing anything (RENAME_NOREPLACE): EEXIST when the destination exists.</summary>
    NativeResult RenameNoReplace(string fromContainerPath, string toContainerPath);

    /// <summary>
    /// Removes <paramref name="placeholders"/> from the directory at <paramref name="containerDir"/>, acting on the
    /// directory itself, never through a symlink or on a mount point: ELOOP/ENOTDIR when the path is no longer a
    /// real directory, EBUSY when it (or a placeholder) is a mount point, ENOTEMPTY when it now holds anything
    /// else, in which case nothing is removed.
    /// </summary>
    NativeResult RemovePlaceholders(string containerDir, IReadOnlyCollection<string> placeholders);

    /// <summary>
    /// Removes the temporary symlinks "PREFIX{pid}" in <paramref name="containerDir"/> left by runs that were
    /// killed: ours (same PID, as every container's PID 1) or of a PID that no longer runs. Returns how many.
    /// </summary>
    int RemoveStaleTemporaryLinks(string containerDir, string prefix, int processId);
}
