using EntryPoint.Core.Hooks;
using EntryPoint.Os.Hooks;

namespace EntryPoint.Tests.Hooks;

/// <summary>The hooks directory read from a real tree under --root.</summary>
public sealed class HookReaderTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void Entries_are_read_under_root_with_symlinks_followed()
    {
        var script = _tree.File("/docker-entrypoint.d/10-a.sh", "#!/bin/sh\n");
        File.SetUnixFileMode(script, (UnixFileMode)0x1ED);
        _tree.File("/docker-entrypoint.d/notes.txt", "x");
        _tree.Dir("/docker-entrypoint.d/sub");
        _tree.File("/opt/hook.sh", "#!/bin/sh\n");
        File.SetUnixFileMode(_tree.At("/opt/hook.sh"), (UnixFileMode)0x1C0);
        _tree.Symlink("/docker-entrypoint.d/20-linked", "../opt/hook.sh");
        _tree.Symlink("/docker-entrypoint.d/30-gone", "../nowhere");

        var snapshot = new HookReader(_tree.Root).Read("/docker-entrypoint.d");

        Assert.Equal(HookDirState.Directory, snapshot.State);
        var byName = snapshot.Entries.ToDictionary(e => e.Name);
        Assert.Equal(HookEntryKind.File, byName["10-a.sh"].Kind);
        Assert.Equal(0x1EDu, byName["10-a.sh"].Facts!.PermissionBits);
        Assert.Equal(HookEntryKind.File, byName["notes.txt"].Kind);
        Assert.Equal(HookEntryKind.Directory, byName["sub"].Kind);
        Assert.Equal(HookEntryKind.File, byName["20-linked"].Kind);
        Assert.Equal(0x1C0u, byName["20-linked"].Facts!.PermissionBits);
        Assert.Equal(HookEntryKind.DanglingSymlink, byName["30-gone"].Kind);
    }

    [Fact]
    public void A_missing_directory_reads_as_missing_and_a_file_as_not_a_directory()
    {
        _tree.File("/hooks-file", "x");

        Assert.Equal(HookDirState.Missing, new HookReader(_tree.Root).Read("/docker-entrypoint.d").State);
        Assert.Equal(HookDirState.NotADirectory, new HookReader(_tree.Root).Read("/hooks-file").State);
    }
}
