using System.Runtime.InteropServices;
using EntryPoint.Core;

namespace EntryPoint.Os.Native;

/// <summary>unlinkat(2): removes a name inside the directory a descriptor holds, never through a path that may have been swapped.</summary>
public static partial class Unlinkat
{
    [LibraryImport("libc", EntryPoint = "unlinkat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int UnlinkatNative(int dirfd, string name, int flags);

    public static NativeResult File(int dirfd, string name) => NativeResult.From(UnlinkatNative(dirfd, name, 0));
}
