using System.Runtime.InteropServices;
using EntryPoint.Core;

namespace EntryPoint.Os.Native;

/// <summary>setgid(2): as root it sets the real, effective and saved gid, so the old one cannot come back.</summary>
public static partial class SetGid
{
    [LibraryImport("libc", EntryPoint = "setgid", SetLastError = true)]
    private static partial int SetGidNative(uint gid);

    public static NativeResult To(uint gid) => NativeResult.From(SetGidNative(gid));
}
