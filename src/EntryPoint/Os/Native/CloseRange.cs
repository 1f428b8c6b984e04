using System.Runtime.InteropServices;

namespace EntryPoint.Os.Native;

/// <summary>Marks every descriptor above stderr close-on-exec, so the app starts with 0, 1 and 2 only.</summary>
public static partial class CloseRange
{
    private const uint CloseRangeCloexec = 4;
    private const int FdSetFd = 2;
    private const int FdCloexec = 1;

    [LibraryImport("libc", EntryPoint = "close_range", SetLastError = true)]
    private static partial int CloseRangeNative(uint first, uint last, uint flags);

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int Fcntl(int fd, int cmd, int arg);

    public static void MarkAllCloseOnExec()
    {
        if (CloseRangeNative(3, uint.MaxValue, CloseRangeCloexec) == 0)
        {
            return;
        }

        // Kernels before 5.11 lack CLOSE_RANGE_CLOEXEC: mark the open descriptors one by one.
        try
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
            {
                if (int.TryParse(Path.GetFileName(entry), out var fd) && fd > 2)
                {
                    Fcntl(fd, FdSetFd, FdCloexec);
                }
            }
        }
        catch (IOException)
        {
        }
    }
}
