using System.Runtime.InteropServices;
using EntryPoint.Core;

namespace EntryPoint.Os.Native;

/// <summary>rename(2): atomic over a symlink or file; refuses a non-empty directory (and a mount point, EBUSY).</summary>
public static partial class Rename
{
    [LibraryImport("libc", EntryPoint = "rename", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RenameNative(string from, string to);

    public static NativeResult Move(string from, string to) => NativeResult.From(RenameNative(from, to));
}
