using EntryPoint.Cli;

namespace EntryPoint.Tests.Cli;

public class ArgumentSplitterTests
{
    private static SplitArguments Split(params string[] args)
    {
        var options = new CliOptions();
        return ArgumentSplitter.Split(args, options.Flags, options.Valued, new HashSet<string> { "run", "diagnose" });
    }

    [Theory]
    [InlineData("node --version", "", "node --version")]
    [InlineData("node --loader ./loader.mjs build/index.js", "", "node --loader ./loader.mjs build/index.js")]
    [InlineData("--strict node build/index.js", "--strict", "node build/index.js")]
    [InlineData("--root /tmp/x --link a=/s:/t node", "--root /tmp/x --link a=/s:/t", "node")]
    [InlineData("--root=/tmp/x node", "--root=/tmp/x", "node")]
    [InlineData("-- --strict", "", "--strict")]
    [InlineData("--dry-run -- node -- x", "--dry-run", "node -- x")]
    [InlineData("run --strict node", "run --strict", "node")]
    [InlineData("--strict run node run", "--strict run", "node run")]
    [InlineData("diagnose --json", "diagnose --json", "")]
    [InlineData("--root /x diagnose --json --strict", "--root /x diagnose --json --strict", "")]
    [InlineData("node diagnose", "", "node diagnose")]
    public void The_command_starts_at_the_first_token_that_is_not_ours(string args, string own, string command)
    {
        var split = Split(args.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(own, string.Join(' ', split.Own));
        Assert.Equal(command, string.Join(' ', split.Command));
        Assert.Empty(split.Unknown);
    }

    [Fact]
    public void An_unknown_option_before_the_command_is_reported_not_run()
    {
        var split = Split("--stirct", "node");
        Assert.Equal(["--stirct"], split.Unknown);
    }

    [Fact]
    public void Arguments_of_the_app_are_passed_untouched_even_when_they_look_like_ours()
    {
        var split = Split("sh", "-c", "echo --help --root", "--version");
        Assert.Equal(["sh", "-c", "echo --help --root", "--version"], split.Command);
    }
}
