using System.Runtime.InteropServices;
using EntryPoint.Core;

namespace EntryPoint.Os.Native;

/// <summary>
/// symlink(2). Our own import: Mono.Posix marshals strings with its Stdlib.malloc, whose static constructor loads
/// libMonoPosixHelper.so, which the contract forbids us to ship.
/// </summary>
public static partial class Symlink
{
    [LibraryImport("libc", EntryPoint = "symlink", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SymlinkNative(string target, string linkPath);

    /// <summary>Creates <paramref name="linkPath"/> holding <paramref name="text"/>; EEXIST if anything is there.</summary>
    public static NativeResult Create(string text, string linkPath) => NativeResult.From(SymlinkNative(text, linkPath));
}
