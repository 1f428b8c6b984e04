using System.Runtime.InteropServices;

namespace EntryPoint.Core;

/// <summary>The errno values we branch on (Linux, all architectures we ship), and their text.</summary>
public static class Errno
{
    public const int EPERM = 1;
    public const int ENOENT = 2;
    public const int EINTR = 4;
    public const int EIO = 5;
    public const int E2BIG = 7;
    public const int ENOEXEC = 8;
    public const int EACCES = 13;
    public const int EBUSY = 16;
    public const int EEXIST = 17;
    public const int EXDEV = 18;
    public const int ENOTDIR = 20;
    public const int EISDIR = 21;
    public const int EINVAL = 22;
    public const int ENOSPC = 28;
    public const int EROFS = 30;
    public const int ENAMETOOLONG = 36;
    public const int ENOSYS = 38;
    public const int ENOTEMPTY = 39;
    public const int ELOOP = 40;

    public static int Last => Marshal.GetLastPInvokeError();

    public static string Describe(int errno) => errno switch
    {
        EROFS => "read-only filesystem",
        EACCES => "permission denied",
        EPERM => "operation not permitted",
        ENOSPC => "no space left on device",
        ELOOP => "too many levels of symbolic links",
        _ => Marshal.GetPInvokeErrorMessage(errno).ToLowerInvariant(),
    };
}

/// <summary>The outcome of one native call: 0 or an errno, so callers branch on values, not on exceptions.</summary>
public readonly record struct NativeResult(int Errno)
{
    public bool Ok => Errno == 0;
    public string Message => Core.Errno.Describe(Errno);

    public static NativeResult From(int rc) => new(rc == 0 ? 0 : Core.Errno.Last);
}
