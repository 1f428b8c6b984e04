using EntryPoint.Core.Linking;
using EntryPoint.Core.Mounts;

namespace EntryPoint.Core.Reporting;

/// <summary>Words shared by the log lines and the text report, so that both say the same thing the same way.</summary>
public static class Describe
{
    public static string Mount(MountEntry? mount) =>
        mount is null ? "not a mount point" : $"{(mount.ReadOnly ? "read-only" : "read-write")} mount of {mount.Origin}";

    public static string Entries(int count) => count == 1 ? "1 entry" : $"{count} entries";

    public static string Source(SourceState source) => source.Kind switch
    {
        SourceKind.Missing => "missing",
        SourceKind.NotDirectory => $"not a directory, {Mount(source.Mount)}",
        SourceKind.Unreadable => $"unreadable ({source.Problem}), {Mount(source.Mount)}",
        SourceKind.Loop => "a symlink loop",
        SourceKind.InsideTarget => $"a symlink into TARGET ({source.Problem})",
        _ => $"{Mount(source.Mount)}, {(source.Inventory.Total == 0 ? "empty" : Entries(source.Inventory.Total))}",
    };

    public static string Target(TargetState target) => target.Kind switch
    {
        TargetKind.Missing => "missing",
        TargetKind.Symlink => $"symlink to {target.LinkText}{(target.Dangling ? " (dangling)" : "")}",
        TargetKind.PlaceholderDirectory => target.Contents.Count == 0 ? "empty directory" : "directory with placeholders only",
        TargetKind.MountPoint => $"{Mount(target.Mount)}, {Entries(target.MountedInventory?.Total ?? 0)}",
        TargetKind.Unreadable => $"unreadable ({target.Problem})",
        _ => target.Contents.Count == 0 ? "file" : $"directory with content ({Entries(target.Contents.Count)})",
    };

    /// <summary>How many entries of custom code the app gets through this link.</summary>
    public static int EntryCount(LinkPlan plan) =>
        plan.Mode is LinkMode.BindMount or LinkMode.Symlink ? plan.Inventory?.Total ?? 0 : 0;
}
