using System.Runtime.InteropServices;
using EntryPoint.Core;

namespace EntryPoint.Os.Native;

/// <summary>
/// renameat2(2) with RENAME_EXCHANGE (swap two names atomically) or RENAME_NOREPLACE (EEXIST instead of replacing).
/// Filesystems without them answer EINVAL; callers fall back.
/// </summary>
public static partial class Renameat2
{
    private const int AtFdCwd = -100;
    private const uint RenameNoReplace = 1;
    private const uint RenameExchange = 2;

    [LibraryImport("libc", EntryPoint = "renameat2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Renameat2Native(int olddirfd, string oldpath, int newdirfd, string newpath, uint flags);

    public static NativeResult Exchange(string a, string b) => NativeResult.From(Renameat2Native(AtFdCwd, a, AtFdCwd, b, RenameExchange));

    public static NativeResult NoReplace(string from, string to) => NativeResult.From(Renameat2Native(AtFdCwd, from, AtFdCwd, to, RenameNoReplace));
}
