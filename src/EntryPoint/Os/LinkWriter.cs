using EntryPoint.Core;
using EntryPoint.Core.Linking;
using EntryPoint.Os.Native;

namespace EntryPoint.Os;

/// <summary>The entrypoint's only writes, through libc, on container paths placed under root.</summary>
public sealed class LinkWriter(string root) : ILinkWriter
{
    private string Host(string containerPath) => ContainerPath.OnHost(root, containerPath);

    /// <summary>mkdir -p with mkdir(2), so that errno (ENOSPC, EROFS, ENOTDIR) reaches the message as it is.</summary>
    public NativeResult CreateDirectories(string containerPath)
    {
        var path = "";
        foreach (var part in containerPath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            path += "/" + part;
            var host = Host(path);
            var made = Mkdir.Create(host, 0x1ED); // 0755
            if (made.Ok)
            {
                continue;
            }

            if (made.Errno != Errno.EEXIST)
            {
                return made;
            }

            var (status, errno) = Statx.Stat(host);
            if (errno != 0 || !status.IsDirectory)
            {
                return new NativeResult(errno != 0 ? errno : Errno.ENOTDIR);
            }
        }

        return new NativeResult(0);
    }

    public NativeResult Symlink(string linkText, string containerPath) =>
        Native.Symlink.Create(linkText, Host(containerPath));

    public NativeResult Rename(string fromContainerPath, string toContainerPath) =>
        Native.Rename.Move(Host(fromContainerPath), Host(toContainerPath));

    public NativeResult UnlinkFileOrSymlink(string containerPath) =>
        Native.Unlink.Remove(Host(containerPath));

    public NativeResult RemoveEmptyDirectory(string containerPath) =>
        Native.Rmdir.Remove(Host(containerPath));

    public bool IsSymlink(string containerPath) => Statx.Lstat(Host(containerPath)) is ({ IsSymlink: true }, 0);

    public NativeResult Exchange(string containerPathA, string containerPathB) =>
        Renameat2.Exchange(Host(containerPathA), Host(containerPathB));

    public NativeResult RenameNoReplace(string fromContainerPath, string toContainerPath) =>
        Renameat2.NoReplace(Host(fromContainerPath), Host(toContainerPath));

    public NativeResult RemovePlaceholders(string containerDir, IReadOnlyCollection<string> placeholders)
    {
        var path = Host(containerDir);
        var (fd, openErrno) = Open.DirectoryNoFollow(path);
        if (fd < 0)
        {
            return new NativeResult(openErrno);
        }

        try
        {
            var (self, errno) = Statx.OfFd(fd);
            if (errno != 0)
            {
                return new NativeResult(errno);
            }

            if (self.MountRoot)
            {
                return new NativeResult(Errno.EBUSY);
            }

            // List by path, and make sure the path still names the directory we hold, before and after.
            List<string> names;
            try
            {
                names = Directory.EnumerateFileSystemEntries(path).Select(Path.GetFileName).OfType<string>().ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return new NativeResult(e is UnauthorizedAccessException ? Errno.EACCES : Errno.EIO);
            }

            if (Statx.Lstat(path) is not ({ } now, 0) || !now.SameFileAs(self))
            {
                return new NativeResult(Errno.ENOTDIR);
            }

            if (names.Any(n => !placeholders.Contains(n)))
            {
                return new NativeResult(Errno.ENOTEMPTY);
            }

            foreach (var name in names)
            {
                var (status, statErrno) = Statx.LstatAt(fd, name);
                if (statErrno == Errno.ENOENT)
                {
                    continue;
                }

                if (statErrno != 0)
                {
                    return new NativeResult(statErrno);
                }

                if (!status.IsRegular || status.MountRoot || status.DevMajor != self.DevMajor || status.DevMinor != self.DevMinor)
                {
                    return new NativeResult(status.IsRegular ? Errno.EBUSY : Errno.ENOTEMPTY);
                }

                var removed = Unlinkat.File(fd, name);
                if (!removed.Ok && removed.Errno != Errno.ENOENT)
                {
                    return removed;
                }
            }

            return new NativeResult(0);
        }
        finally
        {
            Close.Fd(fd);
        }
    }

    public int RemoveStaleTemporaryLinks(string containerDir, string prefix, int processId)
    {
        var removed = 0;
        var canTellLive = Directory.Exists("/proc/self");
        try
        {
            foreach (var path in Directory.EnumerateFileSystemEntries(Host(containerDir), prefix + "*"))
            {
                var name = Path.GetFileName(path);
                if (!int.TryParse(name.AsSpan(prefix.Length), System.Globalization.NumberStyles.None, null, out var pid))
                {
                    continue;
                }

                var stale = pid == processId || (canTellLive && !Directory.Exists($"/proc/{pid}"));
                if (stale && Statx.Lstat(path) is ({ IsSymlink: true }, 0) && Native.Unlink.Remove(path).Ok)
                {
                    removed++;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return removed;
    }
}
