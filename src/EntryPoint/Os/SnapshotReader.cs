using EntryPoint.Core;
using EntryPoint.Core.Linking;
using EntryPoint.Core.Mounts;
using EntryPoint.Core.Users;
using EntryPoint.Os.Native;

namespace EntryPoint.Os;

/// <summary>Takes the snapshot the planner works from. Reads only: it never creates, changes or deletes.</summary>
public sealed class SnapshotReader(string root, Func<MountTable> readMounts) : ISnapshotSource
{
    /// <summary>Files the image puts in a TARGET so that the folder exists in git; the only files we ever delete.</summary>
    public static readonly IReadOnlySet<string> PlaceholderNames = new HashSet<string>(StringComparer.Ordinal) { ".gitkeep", "README.md" };

    private MountTable? _mounts;

    private MountTable Mounts => _mounts ??= readMounts();

    public Snapshot Read(IReadOnlyList<LinkSpec> links)
    {
        var snapshots = links.Select(l => new LinkSnapshot(l, ReadSource(l), ReadTarget(l))).ToList();
        return new Snapshot(snapshots, Mounts.ReadError);
    }

    private string Host(string containerPath) => ContainerPath.OnHost(root, containerPath);

    private MountEntry? MountAt(string hostPath, FileStatus status) =>
        Mounts.At(hostPath) ?? (status.MountRoot ? new MountEntry(0, 0, $"{status.DevMajor}:{status.DevMinor}", "/", hostPath, "rw", [], "unknown", "unknown", "") : null);

    private SourceState ReadSource(LinkSpec link)
    {
        // Symlinks on the way are resolved as the container sees them, so that under --root none leads out of it.
        var (resolved, resolveErrno) = PathResolver.Resolve(root, link.Source);
        var path = Host(resolveErrno == 0 ? resolved : link.Source);
        var (status, errno) = resolveErrno == Errno.ELOOP ? (default, Errno.ELOOP) : Statx.Stat(path);
        if (errno == Errno.ENOENT || errno == Errno.ENOTDIR)
        {
            return new SourceState(SourceKind.Missing, Empty, null, null);
        }

        if (errno == Errno.ELOOP)
        {
            return new SourceState(SourceKind.Loop, Empty, null, Errno.Describe(errno));
        }

        if (errno != 0)
        {
            return new SourceState(SourceKind.Unreadable, Empty, Mounts.At(path), Errno.Describe(errno));
        }

        // Resolve answers ELOOP or success, so by here `resolved` is where SOURCE really is.
        if (PathResolver.IsInsideTarget(root, resolved, link.Target))
        {
            return new SourceState(SourceKind.InsideTarget, Empty, null, $"it resolves to {resolved}");
        }

        var mount = MountAt(path, status);
        if (!status.IsDirectory)
        {
            return new SourceState(SourceKind.NotDirectory, Empty, mount, null);
        }

        var facts = status.Facts;
        var (inventory, problem) = InventoryReader.Read(path, link.Markers);
        return problem is null
            ? new SourceState(SourceKind.Directory, inventory, mount, null, facts)
            : new SourceState(SourceKind.Unreadable, Empty, mount, problem, facts);
    }

    public TargetState ReadTarget(LinkSpec link) => ReadTarget(link, retries: 3);

    /// <param name="retries">Another run may turn a placeholder directory into the link while we look at it; then we
    /// look again, a few times, rather than report a directory that is no longer there.</param>
    private TargetState ReadTarget(LinkSpec link, int retries)
    {
        var path = Host(link.Target);
        var (status, errno) = Statx.Lstat(path);
        var writeProblem = WriteProblem(path, errno == 0 && status.IsDirectory && !status.IsSymlink);
        if (errno == Errno.ENOENT)
        {
            return Target(TargetKind.Missing, writeProblem);
        }

        if (errno != 0)
        {
            return Target(TargetKind.Unreadable, writeProblem) with { Problem = Errno.Describe(errno) };
        }

        var mount = MountAt(path, status);
        if (mount is not null)
        {
            var (mounted, _) = status.IsDirectory ? InventoryReader.Read(path, link.Markers) : (null, null);
            return Target(TargetKind.MountPoint, null) with { Mount = mount, MountedInventory = mounted, Facts = status.Facts };
        }

        if (status.IsSymlink)
        {
            var text = new FileInfo(path).LinkTarget ?? "";
            var (destination, destErrno) = Statx.Stat(path);
            var (sourceStatus, sourceErrno) = Statx.Stat(Host(link.Source));
            var linksToSource = ContainerPath.ResolveLinkText(link.Target, text) == link.Source
                || (destErrno == 0 && sourceErrno == 0 && destination.SameFileAs(sourceStatus));
            return Target(TargetKind.Symlink, writeProblem) with { LinkText = text, LinksToSource = linksToSource, Dangling = destErrno != 0 };
        }

        if (!status.IsDirectory)
        {
            return Target(TargetKind.OtherContent, writeProblem) with { Contents = [] };
        }

        List<string> names;
        try
        {
            // All of them: the messages count them, and only the few placeholder names are looked at one by one.
            names = Directory.EnumerateFileSystemEntries(path).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        }
        catch (DirectoryNotFoundException) when (retries > 0)
        {
            return ReadTarget(link, retries - 1);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Target(TargetKind.Unreadable, writeProblem) with { Problem = e.Message };
        }

        // One look per placeholder name: one gone by then (another run removing placeholders) is no content.
        var present = new List<string>(names.Count);
        var placeholders = new List<string>();
        foreach (var name in names)
        {
            if (!PlaceholderNames.Contains(name))
            {
                present.Add(name);
                continue;
            }

            var (entry, nameErrno) = Statx.Lstat(Path.Combine(path, name));
            if (nameErrno == Errno.ENOENT)
            {
                continue;
            }

            present.Add(name);
            if (nameErrno == 0 && entry.IsRegular && !entry.MountRoot)
            {
                placeholders.Add(name);
            }
        }

        names = present;
        if (names.Count == 0 && retries > 0 && Statx.Lstat(path) is not ({ IsDirectory: true }, 0))
        {
            return ReadTarget(link, retries - 1);
        }

        var kind = placeholders.Count == names.Count ? TargetKind.PlaceholderDirectory : TargetKind.OtherContent;
        return Target(kind, writeProblem) with { Contents = names, Placeholders = placeholders };
    }

    /// <summary>
    /// Whether a change at <paramref name="path"/> could be made: its nearest existing ancestor (below root) must be
    /// writable, and a placeholder directory itself too, since its files are removed first.
    /// </summary>
    private string? WriteProblem(string path, bool isDirectory)
    {
        var parent = Path.GetDirectoryName(path) ?? "/";
        var rootOnHost = root == "/" ? "/" : root.TrimEnd('/');
        while (parent.Length > rootOnHost.Length && Statx.Stat(parent).Errno == Errno.ENOENT)
        {
            parent = Path.GetDirectoryName(parent) ?? "/";
        }

        foreach (var dir in isDirectory ? [parent, path] : new[] { parent })
        {
            var result = Access.CanWrite(dir);
            if (!result.Ok)
            {
                var shown = root == "/" ? dir : "/" + Path.GetRelativePath(root, dir).Replace("\\", "/").TrimStart('.', '/');
                return $"{shown} is not writable ({result.Message}" + (result.Errno == Errno.EACCES ? $" for uid {Identity.EffectiveUid}" : "") + ")";
            }
        }

        return null;
    }


    private static TargetState Target(TargetKind kind, string? writeProblem) =>
        new(kind, null, false, false, null, [], [], writeProblem, null);

    private static readonly Inventory Empty = new(0, []);
}
