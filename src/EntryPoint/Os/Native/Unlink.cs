using System.Runtime.InteropServices;
using EntryPoint.Core;

namespace EntryPoint.Os.Native;

/// <summary>unlink(2): removes a file or a symlink itself, never what a symlink points to, never a directory.</summary>
public static partial class Unlink
{
    [LibraryImport("libc", EntryPoint = "unlink", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int UnlinkNative(string path);

    public static NativeResult Remove(string path) => NativeResult.From(UnlinkNative(path));
}
