using System.Runtime.InteropServices;
using EntryPoint.Core;

namespace EntryPoint.Os.Native;

/// <summary>setsid(2): a new session and process group led by this process, so a hook and all it starts can be killed together.</summary>
public static partial class SetSid
{
    [LibraryImport("libc", EntryPoint = "setsid", SetLastError = true)]
    private static partial int SetSidNative();

    public static NativeResult Start() => NativeResult.From(SetSidNative() < 0 ? -1 : 0);
}
