using EntryPoint.Core;
using EntryPoint.Core.Linking;
using EntryPoint.Os.Native;

namespace EntryPoint.Os;

/// <summary>The entrypoint's only writes, through libc, on container paths placed under root.</summary>
public sealed class LinkWriter(string root) : ILinkWriter
{
    private string Host(string containerPath) => ContainerPath.OnHost(root, containerPath);

    public NativeResult CreateDirectories(string containerPath)
    {
        try
        {
            Directory.CreateDirectory(Host(containerPath));
            return new NativeResult(0);
        }
        catch (UnauthorizedAccessException)
        {
            return new NativeResult(Statx.Stat(Host(containerPath)).Errno is 0 ? 0 : Errno.EACCES);
        }
        catch (IOException e)
        {
            // .NET puts errno in the low bits of HResult on Unix for IOExceptions raised from syscalls.
            var errno = e.HResult & 0xFFFF;
            return new NativeResult(errno is > 0 and < 200 ? errno : Errno.EIO);
        }
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
}
