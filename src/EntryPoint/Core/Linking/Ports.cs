
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
}
