using System.Runtime.InteropServices;
using EntryPoint.Core;

namespace EntryPoint.Os.Native;

/// <summary>
/// open(2) of a directory without following a final symlink, so that later calls relative to the descriptor act
/// on that very directory, whatever happens to its path meanwhile. The O_ flags differ between x64 and arm64.
/// </summary>
public static partial class Open
{
    private const int OCloexec = 0x80000; // 02000000, the same on x64 and arm64

    private static int ODirectory => RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm ? 0x4000 : 0x10000;

    private static int ONoFollow => RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm ? 0x8000 : 0x20000;

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenNative(string path, int flags, int mode);

    /// <summary>A descriptor of the directory at <paramref name="path"/>; ELOOP when it is a symlink, ENOTDIR when not a directory.</summary>
    public static (int Fd, int Errno) DirectoryNoFollow(string path)
    {
        var fd = OpenNative(path, ODirectory | ONoFollow | OCloexec, 0);
        return fd >= 0 ? (fd, 0) : (-1, Errno.Last);
    }
}
