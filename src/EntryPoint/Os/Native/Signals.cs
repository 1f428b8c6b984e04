using System.Runtime.InteropServices;

namespace EntryPoint.Os.Native;

/// <summary>
/// Gives the app the signal state a shell would: default dispositions and an empty mask. The .NET runtime
/// ignores SIGPIPE, and an ignored signal stays ignored across execve, so a Node app would never die of EPIPE.
/// </summary>
public static partial class Signals
{
    private const int SigSetMask = 2;
    private const int LastSignal = 64;
    private const int SigKill = 9;
    private const int SigStop = 19;
    private static readonly IntPtr SigDfl = IntPtr.Zero;

    [LibraryImport("libc", EntryPoint = "signal", SetLastError = true)]
    private static partial IntPtr SignalNative(int signum, IntPtr handler);

    [LibraryImport("libc", EntryPoint = "pthread_sigmask")]
    private static unsafe partial int PthreadSigmask(int how, byte* set, byte* oldset);

    /// <summary>Called just before execve; after it, the runtime's own handlers are gone, so only exec or exit may follow.</summary>
    public static unsafe void ResetForExec()
    {
        for (var signal = 1; signal <= LastSignal; signal++)
        {
            // glibc reserves 32 and 33 for its threads; signal() refuses them and the stop/kill pair, harmlessly.
            if (signal is SigKill or SigStop or 32 or 33)
            {
                continue;
            }

            SignalNative(signal, SigDfl);
        }

        var empty = stackalloc byte[128]; // sizeof(sigset_t) in glibc
        new Span<byte>(empty, 128).Clear();
        PthreadSigmask(SigSetMask, empty, null);
    }
}
