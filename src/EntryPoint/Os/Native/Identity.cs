using System.Runtime.InteropServices;

namespace EntryPoint.Os.Native;

/// <summary>geteuid(2) and getegid(2): who this process acts as. They cannot fail.</summary>
public static partial class Identity
{
    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEuid();

    [LibraryImport("libc", EntryPoint = "getegid")]
    private static partial uint GetEgid();

    public static uint EffectiveUid => GetEuid();

    public static uint EffectiveGid => GetEgid();
}
