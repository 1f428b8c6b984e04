using System.Runtime.InteropServices;
using EntryPoint.Core;

namespace EntryPoint.Os.Native;

/// <summary>rmdir(2): removes only an empty directory, so nothing inside can be lost by it.</summary>
public static partial class Rmdir
{
    [LibraryImport("libc", EntryPoint = "rmdir", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RmdirNative(string path);

    public static NativeResult Remove(string path) => NativeResult.From(RmdirNative(path));
}
