using System.Runtime.InteropServices;
using EntryPoint.Core;

namespace EntryPoint.Os.Native;

/// <summary>kill(2) with a negative pid: a signal to every process of a process group.</summary>
public static partial class Kill
{
    public const int SigKill = 9;
    public const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int KillNative(int pid, int signal);

    public static NativeResult Group(int processGroup, int signal) => NativeResult.From(KillNative(-processGroup, signal));
}
