using EntryPoint.Cli;
using EntryPoint.Core;

namespace EntryPoint.Tests.Cli;

/// <summary>
/// The explicit `run` verb, bad ENTRYPOINT_* values and "a flag wins over its variable", through the real parser with
/// a handler that records what it was given.
/// </summary>
public sealed class RunVerbAndSettingsTests : IDisposable
{
    private readonly TempTree _rootFromFlag = new();
    private readonly TempTree _rootFromVariable = new();

    public void Dispose()
    {
        _rootFromFlag.Dispose();
        _rootFromVariable.Dispose();
    }

    private sealed class Recorder : IHandlers
    {
        public string? Verb;
        public Settings? Settings;
        public IReadOnlyList<string>? Command;

        public int Run(Settings settings, IReadOnlyList<string> command)
        {
            (Verb, Settings, Command) = ("run", settings, command);
            return 42;
        }

        public int Diagnose(Settings settings, bool json)
        {
            (Verb, Settings) = ("diagnose", settings);
            return 43;
        }
    }

    private static (int Code, Recorder Handler, string Err) Invoke(string[] args, Dictionary<string, string>? env = null)
    {
        var recorder = new Recorder();
        var stderr = new StringWriter();
        var code = EntryPointCommand.Invoke(args, recorder, name => env?.GetValueOrDefault(name), new StringWriter(), stderr);
        return (code, recorder, stderr.ToString());
    }

    public static TheoryData<string[]> AppCommandLines => new()
    {
        new[] { "node", "build/index.js" },
        new[] { "node", "--loader", "./loader.mjs", "build/index.js" },
        new[] { "node", "--version" },
        new[] { "sh", "-c", "echo \"$1\"", "app", "one two" },
        // Tokens that are the entrypoint's own options or verbs belong to the app once COMMAND has started.
        new[] { "myapp", "--strict", "--root", "/nowhere", "--user", "a:b:c", "run", "diagnose", "--", "--json" },
    };

    [Theory]
    [MemberData(nameof(AppCommandLines))]
    public void The_run_verb_runs_the_command_with_its_arguments_untouched(string[] command)
    {
        var (code, handler, err) = Invoke(["run", .. command]);

        Assert.True(code == 42, err);
        Assert.Equal("run", handler.Verb);
        Assert.Equal(command, handler.Command);
        Assert.False(handler.Settings!.Strict);
        Assert.Equal("/", handler.Settings.Root);
    }

    [Theory]
    [MemberData(nameof(AppCommandLines))]
    public void Run_with_the_verb_is_the_same_as_run_without_it(string[] command)
    {
        var root = _rootFromFlag.Root;
        var (_, withVerb, _) = Invoke(["run", "--root", root, "--strict", "--dry-run", .. command]);
        var (_, withoutVerb, _) = Invoke(["--root", root, "--strict", "--dry-run", .. command]);

        Assert.Equal("run", withVerb.Verb);
        Assert.Equal("run", withoutVerb.Verb);
        Assert.Equal(withoutVerb.Command, withVerb.Command);
        Assert.Equal(command, withVerb.Command);
        Assert.Equal((root, true, true), (withVerb.Settings!.Root, withVerb.Settings.Strict, withVerb.Settings.DryRun));
        Assert.Equal((root, true, true), (withoutVerb.Settings!.Root, withoutVerb.Settings.Strict, withoutVerb.Settings.DryRun));
    }

    [Fact]
    public void Options_before_the_run_verb_count_too_and_a_double_dash_after_it_starts_the_command()
    {
        var (code, handler, err) = Invoke(["--strict", "run", "--dry-run", "--", "--not-ours", "x"]);

        Assert.True(code == 42, err);
        Assert.Equal(["--not-ours", "x"], handler.Command);
        Assert.True(handler.Settings!.Strict);
        Assert.True(handler.Settings.DryRun);
    }

    [Fact]
    public void Run_without_a_command_still_calls_the_handler_with_an_empty_command()
    {
        var (code, handler, _) = Invoke(["run"]);

        Assert.Equal(42, code);
        Assert.Equal("run", handler.Verb);
        Assert.Empty(handler.Command!);
    }

    [Theory]
    [InlineData("ENTRYPOINT_USER", "a:b:c", "a:b:c")]
    [InlineData("ENTRYPOINT_REQUIRE_DEVICES", "dev/gpiomem", "'dev/gpiomem'")]
    [InlineData("ENTRYPOINT_REQUIRE_DEVICES", "/dev/gpiomem,dev/spidev0.0", "'dev/spidev0.0'")]
    [InlineData("ENTRYPOINT_NODE_HEAP", "atuo", "'atuo'")]
    public void A_bad_variable_is_exit_2_with_a_message_naming_the_value(string variable, string value, string named)
    {
        foreach (var verb in new[] { "run", "diagnose" })
        {
            string[] args = verb == "run" ? ["run", "true"] : ["diagnose"];
            var (code, handler, err) = Invoke(args, new() { [variable] = value });

            Assert.True(code == ExitCodes.Usage, $"{verb}: exit {code}\n{err}");
            Assert.Null(handler.Verb);
            Assert.Contains(named, err);
            Assert.Contains(variable, err);
            Assert.Contains("--help", err);
            Assert.DoesNotContain("   at ", err);
        }
    }

    [Theory]
    [InlineData("--user", "a:b:c", "a:b:c")]
    [InlineData("--require-device", "dev/gpiomem", "'dev/gpiomem'")]
    [InlineData("--node-heap", "atuo", "'atuo'")]
    public void A_bad_flag_is_exit_2_with_a_message_naming_the_value(string flag, string value, string named)
    {
        var (code, handler, err) = Invoke([flag, value, "true"]);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Null(handler.Verb);
        Assert.Contains(named, err);
    }

    [Fact]
    public void The_user_flag_wins_over_its_variable()
    {
        var (code, handler, err) = Invoke(["--user", "1001:997", "true"], new() { ["ENTRYPOINT_USER"] = "node:node" });

        Assert.True(code == 42, err);
        Assert.Equal(new Core.Users.UserSpec("1001", "997"), handler.Settings!.User);
    }

    [Fact]
    public void A_good_user_flag_wins_over_a_bad_user_variable()
    {
        var (code, handler, err) = Invoke(["--user", "app", "true"], new() { ["ENTRYPOINT_USER"] = "a:b:c" });

        Assert.True(code == 42, err);
        Assert.Equal(new Core.Users.UserSpec("app", null), handler.Settings!.User);
    }

    [Fact]
    public void The_user_variable_is_used_without_the_flag()
    {
        var (_, handler, _) = Invoke(["true"], new() { ["ENTRYPOINT_USER"] = "node:gpio" });

        Assert.Equal(new Core.Users.UserSpec("node", "gpio"), handler.Settings!.User);
    }

    [Fact]
    public void The_require_device_flags_win_over_the_variables_list()
    {
        var (code, handler, err) = Invoke(["--require-device", "/dev/gpiomem", "--require-device", "/dev/i2c-1", "true"],
            new() { ["ENTRYPOINT_REQUIRE_DEVICES"] = "/dev/spidev0.0, /dev/ttyUSB0" });

        Assert.True(code == 42, err);
        Assert.Equal(["/dev/gpiomem", "/dev/i2c-1"], handler.Settings!.RequiredDevices);
    }

    [Fact]
    public void The_require_devices_variable_is_a_comma_separated_list_without_the_flag()
    {
        var (_, handler, _) = Invoke(["true"], new() { ["ENTRYPOINT_REQUIRE_DEVICES"] = "/dev/spidev0.0, /dev/ttyUSB0" });

        Assert.Equal(["/dev/spidev0.0", "/dev/ttyUSB0"], handler.Settings!.RequiredDevices);
    }

    [Theory]
    [InlineData("off", "auto")]
    [InlineData("auto", "off")]
    [InlineData("auto", "atuo")]
    public void The_node_heap_flag_wins_over_its_variable(string flag, string variable)
    {
        var (code, handler, err) = Invoke(["--node-heap", flag, "true"], new() { ["ENTRYPOINT_NODE_HEAP"] = variable });

        Assert.True(code == 42, err);
        Assert.Equal(flag == "auto", handler.Settings!.NodeHeapAuto);
    }

    [Fact]
    public void The_strict_flag_wins_over_a_false_variable()
    {
        var (code, handler, err) = Invoke(["--strict", "true"], new() { ["ENTRYPOINT_STRICT"] = "false" });

        Assert.True(code == 42, err);
        Assert.True(handler.Settings!.Strict);
    }

    [Fact]
    public void The_dry_run_flag_wins_over_a_false_variable()
    {
        var (code, handler, err) = Invoke(["--dry-run", "true"], new() { ["ENTRYPOINT_DRY_RUN"] = "off" });

        Assert.True(code == 42, err);
        Assert.True(handler.Settings!.DryRun);
    }

    [Fact]
    public void Strict_and_dry_run_can_come_from_the_run_verbs_variables()
    {
        var (code, handler, err) = Invoke(["run", "true"], new() { ["ENTRYPOINT_STRICT"] = "true", ["ENTRYPOINT_DRY_RUN"] = "yes" });

        Assert.True(code == 42, err);
        Assert.True(handler.Settings!.Strict);
        Assert.True(handler.Settings.DryRun);
    }

    [Fact]
    public void The_root_flag_wins_over_its_variable()
    {
        var (code, handler, err) = Invoke(["--root", _rootFromFlag.Root, "true"], new() { ["ENTRYPOINT_ROOT"] = _rootFromVariable.Root });

        Assert.True(code == 42, err);
        Assert.Equal(_rootFromFlag.Root, handler.Settings!.Root);
    }

    [Fact]
    public void A_good_root_flag_wins_over_a_root_variable_that_is_not_a_directory()
    {
        var (code, handler, err) = Invoke(["--root", _rootFromFlag.Root, "true"], new() { ["ENTRYPOINT_ROOT"] = "/nonexistent/root" });

        Assert.True(code == 42, err);
        Assert.Equal(_rootFromFlag.Root, handler.Settings!.Root);
    }
}
