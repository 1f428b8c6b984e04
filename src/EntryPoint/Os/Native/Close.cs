using System.Runtime.InteropServices;

namespace EntryPoint.Os.Native;

/// <summary>close(2), for the descriptors <see cref="Open"/> hands out.</summary>
public static partial class Close
{
    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int CloseNative(int fd);

    public static void Fd(int fd)
    {
        if (fd >= 0)
        {
            CloseNative(fd);
        }
    }
}
