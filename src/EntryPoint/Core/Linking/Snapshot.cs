using EntryPoint.Core.Mounts;
using EntryPoint.Core.Users;

namespace EntryPoint.Core.Linking;

public enum SourceKind
{
    Missing,
    Directory,
    NotDirectory,
    /// <summary>Exists but cannot be listed: never mistaken for empty.</summary>
    Unreadable,
    /// <summary>A symlink that leads back to itself (ELOOP).</summary>
    Loop,
    /// <summary>Resolves to TARGET or into it: linking would make a loop, so it is never used.</summary>
    InsideTarget,
}

public enum TargetKind
{
    Missing,
    Symlink,
    /// <summary>A directory holding nothing, or only the image's placeholder files.</summary>
    PlaceholderDirectory,
    /// <summary>A directory or file with content of its own, which is never deleted.</summary>
    OtherContent,
    MountPoint,
    Unreadable,
}

public enum EntryKind
{
    Directory,
    File,
    Symlink,
    DanglingSymlink,
    Other,
}

/// <summary>One top-level entry of a SOURCE; <see cref="Found"/> is null when the link has no markers to look for.</summary>
public sealed record InventoryEntry(string Name, EntryKind Kind, bool? Found);

/// <summary>The bounded listing of a SOURCE: every visible entry counted, at most <see cref="Limit"/> described.</summary>
public sealed record Inventory(int Total, IReadOnlyList<InventoryEntry> Entries)
{
    public const int Limit = 256;
    public bool Truncated => Total > Entries.Count;
}

/// <param name="Facts">Owner and mode of SOURCE, for the permission checks as the app's user.</param>
public sealed record SourceState(SourceKind Kind, Inventory Inventory, MountEntry? Mount, string? Problem, FileFacts? Facts = null)
{
    public bool HasCustomCode => Kind == SourceKind.Directory && Inventory.Total > 0;
}

/// <param name="LinkText">The symlink's text, when TARGET is a symlink.</param>
/// <param name="LinksToSource">The symlink reaches SOURCE (by path, or by landing on the same directory).</param>
/// <param name="Dangling">The symlink's destination does not exist.</param>
/// <param name="Contents">Top-level names in a TARGET directory, in ordinal order, for messages (which show a few and count the rest).</param>
/// <param name="Placeholders">The placeholder files a replace would delete.</param>
/// <param name="WriteProblem">Why TARGET cannot be changed (read-only filesystem, permission), or null when it can.</param>
/// <param name="MountedInventory">The custom code of a TARGET that is a mount point (seed option 2).</param>
public sealed record TargetState(
    TargetKind Kind,
    string? LinkText,
    bool LinksToSource,
    bool Dangling,
    MountEntry? Mount,
    IReadOnlyList<string> Contents,
    IReadOnlyList<string> Placeholders,
    string? WriteProblem,
    string? Problem,
    Inventory? MountedInventory = null,
    FileFacts? Facts = null);

/// <summary>What the filesystem and the mount table said about one link, taken before anything changes.</summary>
public sealed record LinkSnapshot(LinkSpec Spec, SourceState Source, TargetState Target);

/// <summary>Everything the planner needs; gathered by an adapter, so the planner itself never touches the OS.</summary>
public sealed record Snapshot(IReadOnlyList<LinkSnapshot> Links, string? MountTableProblem);
