using System.Runtime.InteropServices;
using EntryPoint.Core;

namespace EntryPoint.Os.Native;

/// <summary>dup2(2): a hook's stderr made the same pipe as its stdout, so its lines reach the log in the order it wrote them.</summary>
public static partial class Dup2
{
    [LibraryImport("libc", EntryPoint = "dup2", SetLastError = true)]
    private static partial int Dup2Native(int oldFd, int newFd);

    public static NativeResult Onto(int oldFd, int newFd) => NativeResult.From(Dup2Native(oldFd, newFd) < 0 ? -1 : 0);
}
