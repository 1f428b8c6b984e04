using EntryPoint.Core.Users;

namespace EntryPoint.Core.Hooks;

public enum HookDirState
{
    Missing,
    NotADirectory,
    Unreadable,
    Directory,
}

public enum HookEntryKind
{
    File,
    Directory,
    DanglingSymlink,
    Other,
}

/// <summary>One name in the hooks directory; <see cref="Facts"/> describe what it resolves to (symlinks followed).</summary>
public sealed record HookEntry(string Name, HookEntryKind Kind, FileFacts? Facts);

/// <summary>What is in the hooks directory (a container path), read before anything runs.</summary>
/// <param name="Problem">Why the directory could not be listed, when <see cref="State"/> is Unreadable.</param>
public sealed record HookSnapshot(string Dir, HookDirState State, FileFacts? DirFacts, IReadOnlyList<HookEntry> Entries, string? Problem = null)
{
    public static HookSnapshot Missing(string dir) => new(dir, HookDirState.Missing, null, []);
}
