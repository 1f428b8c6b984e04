using System.Runtime.InteropServices;
using EntryPoint.Core;
using EntryPoint.Os.Native;

namespace EntryPoint.Os;

/// <summary>
/// access(2) for "could this process change it": the kernel answers for read-only mounts and permissions alike.
/// Our own import: Mono.Posix converts the mode flags through its helper library, which we do not ship.
/// </summary>
public static partial class Access
{
    private const int XOk = 1;
    private const int WOk = 2;
    private const int ROk = 4;

    [LibraryImport("libc", EntryPoint = "access", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int AccessNative(string path, int mode);

    public static NativeResult CanWrite(string path) => NativeResult.From(AccessNative(path, WOk | XOk));

    public static NativeResult CanExecute(string path) => NativeResult.From(AccessNative(path, XOk));

    public static NativeResult CanList(string path) => NativeResult.From(AccessNative(path, ROk | XOk));
}
