using EntryPoint.Os.Exec;

namespace EntryPoint.Tests.Os;

public sealed class CommandResolverTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private string Executable(string containerPath)
    {
        var path = _tree.File(containerPath, "#!/bin/sh\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    [Fact]
    public void A_name_is_searched_along_path_in_order()
    {
        Executable("/b/tool");
        Executable("/c/tool");
        var resolved = CommandResolver.Resolve("tool", $"{_tree.At("/a")}:{_tree.At("/b")}:{_tree.At("/c")}");
        Assert.Equal(_tree.At("/b/tool"), resolved.Path);
    }

    [Fact]
    public void A_missing_command_is_127_and_says_where_it_looked()
    {
        var resolved = CommandResolver.Resolve("nosuch", _tree.At("/a"));
        Assert.Null(resolved.Path);
        Assert.Equal(127, resolved.ExitCode);
        Assert.Contains("nosuch", resolved.Problem);
        Assert.Contains(_tree.At("/a"), resolved.Problem);
    }

    [Fact]
    public void A_file_that_is_not_executable_is_126_unless_one_later_in_path_is()
    {
        _tree.File("/a/tool");
        var onlyPlain = CommandResolver.Resolve("tool", _tree.At("/a"));
        Assert.Equal(126, onlyPlain.ExitCode);

        Executable("/b/tool");
        Assert.Equal(_tree.At("/b/tool"), CommandResolver.Resolve("tool", $"{_tree.At("/a")}:{_tree.At("/b")}").Path);
    }

    [Fact]
    public void A_path_with_a_slash_is_used_as_is()
    {
        var path = Executable("/x/run.sh");
        Assert.Equal(path, CommandResolver.Resolve(path, "/nonexistent").Path);
        Assert.Equal(127, CommandResolver.Resolve(_tree.At("/x/none.sh"), null).ExitCode);
        Assert.Equal(126, CommandResolver.Resolve(_tree.At("/x"), null).ExitCode);
    }
}
