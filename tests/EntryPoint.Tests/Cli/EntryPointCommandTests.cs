using EntryPoint.Cli;
using EntryPoint.Core;
using Serilog.Events;

namespace EntryPoint.Tests.Cli;

/// <summary>Parsing and binding, end to end through the real parser, with a handler that records what it was given.</summary>
public class EntryPointCommandTests
{
    private sealed class Recorder : IHandlers
    {
        public string? Verb;
        public Settings? Settings;
        public IReadOnlyList<string>? Command;
        public bool Json;

        public int Run(Settings settings, IReadOnlyList<string> command)
        {
            (Verb, Settings, Command) = ("run", settings, command);
            return 42;
        }

        public int Diagnose(Settings settings, bool json)
        {
            (Verb, Settings, Json) = ("diagnose", settings, json);
            return 43;
        }
    }

    private static (int Code, Recorder Handler, string Out, string Err) Invoke(string[] args, Dictionary<string, string>? env = null)
    {
        var recorder = new Recorder();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = EntryPointCommand.Invoke(args, recorder, name => env?.GetValueOrDefault(name), stdout, stderr);
        return (code, recorder, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void The_default_verb_is_run_and_gets_the_command_untouched()
    {
        var (code, handler, _, _) = Invoke(["node", "--version"]);
        Assert.Equal(42, code);
        Assert.Equal("run", handler.Verb);
        Assert.Equal(["node", "--version"], handler.Command);
        Assert.Equal(LinkSpecParser.Defaults.Select(l => l.Target), handler.Settings!.Links.Select(l => l.Target));
    }

    [Fact]
    public void Diagnose_takes_json_and_strict()
    {
        var (code, handler, _, _) = Invoke(["diagnose", "--json", "--strict"]);
        Assert.Equal(43, code);
        Assert.True(handler.Json);
        Assert.True(handler.Settings!.Strict);
    }

    [Fact]
    public void Every_option_has_a_variable()
    {
        using var tree = new TempTree();
        var root = tree.Root;
        var (_, handler, _, err) = Invoke(["true"], new()
        {
            ["ENTRYPOINT_LINKS"] = "a=/s1:/t1, b=/s2:/t2",
            ["ENTRYPOINT_MARKERS"] = "a=x.json|y.js",
            ["ENTRYPOINT_ROOT"] = root,
            ["ENTRYPOINT_STRICT"] = "yes",
            ["ENTRYPOINT_LOG_FORMAT"] = "json",
            ["ENTRYPOINT_LOG_LEVEL"] = "debug",
            ["ENTRYPOINT_DRY_RUN"] = "1",
        });
        var s = handler.Settings;
        Assert.True(s is not null, err);
        Assert.Equal(["a", "b"], s.Links.Select(l => l.Name));
        Assert.Equal(["x.json", "y.js"], s.Links[0].Markers);
        Assert.Equal(root, s.Root);
        Assert.True(s.Strict);
        Assert.True(s.DryRun);
        Assert.Equal(LogFormat.Json, s.LogFormat);
        Assert.Equal(LogEventLevel.Debug, s.LogLevel);
    }

    [Fact]
    public void A_flag_on_the_command_line_wins_over_its_variable()
    {
        var (_, handler, _, _) = Invoke(["--link", "c=/s3:/t3", "--log-level", "warning", "--log-format", "text", "true"], new()
        {
            ["ENTRYPOINT_LINKS"] = "a=/s1:/t1",
            ["ENTRYPOINT_LOG_LEVEL"] = "debug",
            ["ENTRYPOINT_LOG_FORMAT"] = "json",
        });
        Assert.Equal(["c"], handler.Settings!.Links.Select(l => l.Name));
        Assert.Equal(LogEventLevel.Warning, handler.Settings.LogLevel);
        Assert.Equal(LogFormat.Text, handler.Settings.LogFormat);
    }

    [Fact]
    public void The_hooks_dir_and_timeout_come_from_their_variables_or_flags_with_defaults()
    {
        var (_, defaults, _, _) = Invoke(["true"]);
        Assert.Equal("/docker-entrypoint.d", defaults.Settings!.HooksDir);
        Assert.Equal(TimeSpan.FromSeconds(60), defaults.Settings.HookTimeout);

        var (_, fromEnv, _, _) = Invoke(["true"], new() { ["ENTRYPOINT_HOOKS_DIR"] = "/etc/hooks/", ["ENTRYPOINT_HOOK_TIMEOUT"] = "2.5" });
        Assert.Equal("/etc/hooks", fromEnv.Settings!.HooksDir);
        Assert.Equal(TimeSpan.FromSeconds(2.5), fromEnv.Settings.HookTimeout);

        var (_, flags, _, _) = Invoke(["--hooks-dir", "/x", "--hook-timeout", "90s", "true"], new() { ["ENTRYPOINT_HOOKS_DIR"] = "/etc/hooks", ["ENTRYPOINT_HOOK_TIMEOUT"] = "5" });
        Assert.Equal("/x", flags.Settings!.HooksDir);
        Assert.Equal(TimeSpan.FromSeconds(90), flags.Settings.HookTimeout);
    }

    [Fact]
    public void Link_is_repeatable()
    {
        var (_, handler, _, _) = Invoke(["--link", "a=/s1:/t1", "--link", "b=/s2:/t2", "true"]);
        Assert.Equal(["a", "b"], handler.Settings!.Links.Select(l => l.Name));
    }

    [Theory]
    [InlineData("ENTRYPOINT_STRICT", "maybe", "ENTRYPOINT_STRICT='maybe'")]
    [InlineData("ENTRYPOINT_DRY_RUN", "2", "ENTRYPOINT_DRY_RUN='2'")]
    [InlineData("ENTRYPOINT_LOG_LEVEL", "loud", "log level 'loud'")]
    [InlineData("ENTRYPOINT_LOG_FORMAT", "xml", "log format 'xml'")]
    [InlineData("ENTRYPOINT_LINKS", "nocolon", "no ':'")]
    [InlineData("ENTRYPOINT_ROOT", "/nonexistent/root", "not a directory")]
    [InlineData("ENTRYPOINT_HOOKS_DIR", "hooks", "not an absolute container path")]
    [InlineData("ENTRYPOINT_HOOK_TIMEOUT", "0", "ENTRYPOINT_HOOK_TIMEOUT '0'")]
    [InlineData("ENTRYPOINT_HOOK_TIMEOUT", "soon", "not a number of seconds")]
    public void A_bad_value_is_a_usage_error_that_names_it(string variable, string value, string words)
    {
        var (code, handler, _, err) = Invoke(["true"], new() { [variable] = value });
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Null(handler.Verb);
        Assert.Contains(words, err);
        Assert.DoesNotContain("   at ", err);
    }

    [Theory]
    [InlineData("--bogus", "true")]
    [InlineData("diagnose", "extra")]
    [InlineData("--log-level")]
    public void A_malformed_command_line_is_exit_2(params string[] args)
    {
        var (code, handler, _, err) = Invoke(args);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Null(handler.Verb);
        Assert.Contains("--help", err);
    }

    [Fact]
    public void Help_shows_usage_and_every_variable()
    {
        var (code, handler, stdout, _) = Invoke(["--help"]);
        Assert.Equal(0, code);
        Assert.Null(handler.Verb);
        Assert.Contains("entrypoint [OPTIONS] [--] COMMAND [ARGS...]", stdout);
        foreach (var variable in CliOptions.Variables.Values)
        {
            Assert.Contains(variable, stdout);
        }
    }

    [Fact]
    public void Help_of_the_app_is_the_apps()
    {
        var (_, handler, _, _) = Invoke(["node", "--help"]);
        Assert.Equal(["node", "--help"], handler.Command);
    }
}
