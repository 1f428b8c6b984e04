using EntryPoint.App;
using EntryPoint.Core;
using EntryPoint.Core.Users;
using EntryPoint.Os.Hooks;
using Serilog;

namespace EntryPoint.Tests.Hooks;

/// <summary>The hooks of `run` on a real tree: order, output in the log with the hook's name, failures, dry run.</summary>
public sealed class HookStepTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly MemorySink _sink = new();

    public void Dispose() => _tree.Dispose();


    private void Hook(string name, string body, int mode = 0x1ED)
    {
        var path = _tree.File("/docker-entrypoint.d/" + name, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, (UnixFileMode)mode);
    }

    private (int? Code, List<string> Log) Run(Settings? settings = null, params (string, string)[] env)
    {
        settings ??= Settings();
        var log = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(_sink).CreateLogger();
        var step = new HookStep(settings, new HookReader(_tree.Root), new HookRunner([]), log);
        var plan = step.Plan(new AppIdentity(0, 0, [0]));
        var code = step.Run(plan, env.Select(e => new KeyValuePair<string, string>(e.Item1, e.Item2)).Append(new("PATH", "/usr/bin:/bin")).ToList());
        return (code, _sink.Messages());
    }

    private Settings Settings() => new() { Links = [], Root = _tree.Root, HookTimeout = TimeSpan.FromSeconds(20) };

    [Fact]
    public void Hooks_run_in_name_order_and_each_output_line_is_logged_with_the_hooks_name()
    {
        var order = _tree.At("/order");
        Hook("20-b.sh", $"echo b >> {order}; echo \"from b: $MARKER\"");
        Hook("10-a.sh", $"echo a >> {order}; echo 'oops' >&2");
        Hook("3-c", $"echo c >> {order}");
        Hook(".hidden", $"echo hidden >> {order}");

        var (code, log) = Run(null, ("MARKER", "m1"));

        Assert.Null(code);
        Assert.Equal("a\nb\nc\n", File.ReadAllText(order));
        Assert.Contains("Information: hook \"10-a.sh\": \"oops\"", log);
        Assert.Contains("Information: hook \"20-b.sh\": \"from b: m1\"", log);
        Assert.Equal("\"20-b.sh\"", _sink.Events.First(e => e.RenderMessage().Contains("from b")).Properties["Hook"].ToString());
    }

    [Fact]
    public void A_failing_hook_stops_the_start_naming_it_and_its_exit_code_and_later_hooks_do_not_run()
    {
        var later = _tree.At("/later");
        Hook("10-fail.sh", "echo failing; exit 7");
        Hook("20-later.sh", $"touch {later}");

        var (code, log) = Run();

        Assert.Equal(1, code);
        Assert.Contains(log, l => l.StartsWith("Error:") && l.Contains("10-fail.sh") && l.Contains("exit code 7"));
        Assert.False(File.Exists(later));
    }

    [Fact]
    public void A_hook_past_its_timeout_stops_the_start_with_a_clear_error()
    {
        Hook("10-hang.sh", "sleep 300");

        var (code, log) = Run(Settings() with { HookTimeout = TimeSpan.FromMilliseconds(500) });

        Assert.Equal(1, code);
        Assert.Contains(log, l => l.StartsWith("Error:") && l.Contains("10-hang.sh") && l.Contains("did not finish within \"0.5\" s") && l.Contains("ENTRYPOINT_HOOK_TIMEOUT"));
    }

    [Fact]
    public void A_dry_run_runs_no_hook_but_says_which_would_run()
    {
        var ran = _tree.At("/ran");
        Hook("10-a.sh", $"touch {ran}");

        var (code, log) = Run(Settings() with { DryRun = true });

        Assert.Null(code);
        Assert.False(File.Exists(ran));
        Assert.Contains(log, l => l.Contains("dry run") && l.Contains("10-a.sh"));
    }

    [Fact]
    public void No_hooks_directory_is_fine()
    {
        var (code, log) = Run();

        Assert.Null(code);
        Assert.DoesNotContain(log, l => l.StartsWith("Error:") || l.StartsWith("Warning:"));
    }
}
