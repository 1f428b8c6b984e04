using System.Runtime.InteropServices;
using EntryPoint.Core;

namespace EntryPoint.Os.Native;

/// <summary>mkdir(2), so that a failure comes back as errno (ENOSPC, EROFS, ENOTDIR) rather than a guessed exception.</summary>
public static partial class Mkdir
{
    [LibraryImport("libc", EntryPoint = "mkdir", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int MkdirNative(string path, uint mode);

    public static NativeResult Create(string path, uint mode) => NativeResult.From(MkdirNative(path, mode));
}
