using System.Runtime.InteropServices;
using EntryPoint.Core;

namespace EntryPoint.Os.Native;

/// <summary>setuid(2): as root it sets the real, effective and saved uid; after it, root is gone for good.</summary>
/// <remarks>glibc applies it to every thread of the process (the .NET runtime has several), as POSIX requires.</remarks>
public static partial class SetUid
{
    [LibraryImport("libc", EntryPoint = "setuid", SetLastError = true)]
    private static partial int SetUidNative(uint uid);

    public static NativeResult To(uint uid) => NativeResult.From(SetUidNative(uid));
}
