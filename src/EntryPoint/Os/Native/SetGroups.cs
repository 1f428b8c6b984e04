using System.Runtime.InteropServices;
using EntryPoint.Core;

namespace EntryPoint.Os.Native;

/// <summary>setgroups(2): the supplementary groups; must come first, while we are still root.</summary>
public static unsafe partial class SetGroups
{
    [LibraryImport("libc", EntryPoint = "setgroups", SetLastError = true)]
    private static partial int SetGroupsNative(nuint size, uint* list);

    public static NativeResult To(IReadOnlyList<uint> groups)
    {
        var list = groups.ToArray();
        fixed (uint* p = list)
        {
            return NativeResult.From(SetGroupsNative((nuint)list.Length, p));
        }
    }
}
