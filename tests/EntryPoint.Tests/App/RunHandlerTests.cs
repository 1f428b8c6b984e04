using EntryPoint.App;
using EntryPoint.Cli;
using EntryPoint.Core;
using EntryPoint.Core.Launch;
using EntryPoint.Core.Linking;
using EntryPoint.Core.Mounts;
using EntryPoint.Core.Resources;
using EntryPoint.Core.Users;
using EntryPoint.Os;
using EntryPoint.Os.Exec;
using Serilog;

namespace EntryPoint.Tests.App;

/// <summary>
/// `run` on a real temporary tree with the real snapshot reader, planner and applier; only the privilege drop, the
/// exec and the launch probe are fakes, so nothing here changes user or replaces the test process.
/// </summary>
public sealed class RunHandlerTests : IDisposable
{
    private static readonly LinkSpec Modules = LinkSpecParser.Defaults[0];

    private readonly TempTree _tree = new();
    private readonly MemorySink _sink = new();
    private readonly FakeDrop _drop = new();
    private readonly FakeReplacer _replacer = new();
    private readonly List<MountEntry> _mounts = [];

    public void Dispose() => _tree.Dispose();


    private sealed class FakeDrop : IPrivilegeDrop
    {
        public string? Problem;
        public List<ResolvedUser> Calls { get; } = [];

        public string? DropTo(ResolvedUser user)
        {
            Calls.Add(user);
            return Problem;
        }
    }

    private sealed class FakeReplacer : IProcessReplacer
    {
        public List<(string Path, IReadOnlyList<string> Argv)> Calls { get; } = [];

        public (int ExitCode, string Problem) Replace(string path, IReadOnlyList<string> argv, IReadOnlyList<KeyValuePair<string, string>> environment)
        {
            Calls.Add((path, argv.ToList()));
            return (99, "fake exec: this process is not replaced in tests");
        }
    }

    /// <summary>Started as root, in an image with the app user 1001 (also in group gpio, 997).</summary>
    private sealed class RootLaunch : ILaunchSource
    {
        public LaunchSnapshot Read(Settings settings) => new(
            0,
            0,
            [new("root", 0, 0, "", "/root", "/bin/sh"), new("app", 1001, 1001, "", "/home/app", "/bin/sh")],
            [new("root", 0, []), new("app", 1001, []), new("gpio", 997, ["app"])],
            ResourceLimits.Unknown,
            null,
            [],
            null);
    }

    private Settings Settings(string? user = null, bool strict = false) => new()
    {
        Links = [Modules],
        Root = _tree.Root,
        User = user is null ? null : UserSpec.Parse(user).Value,
        Strict = strict,
    };

    private int Run(Settings settings, int processId = 4242, params string[] command)
    {
        var snapshots = new SnapshotReader(_tree.Root, () => new MountTable(_mounts));
        var log = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(_sink).CreateLogger();
        var handler = new RunHandler(settings, snapshots, new RootLaunch(), new Applier(new LinkWriter(_tree.Root), snapshots, processId),
            _drop, _replacer, log, name => name == "PATH" ? "/usr/bin:/bin" : null, [new("PATH", "/usr/bin:/bin")], processId);
        return handler.Handle(command.Length == 0 ? ["true"] : command);
    }

    /// <summary>The image's placeholder at TARGET and custom code bind-mounted at SOURCE, read-write or read-only.</summary>
    private void ImageWithCustomCode(bool readWriteMount)
    {
        _tree.File("/app/modules/custom/.gitkeep");
        _tree.File("/app/custom-modules/weather/module.yaml", "name: weather");
        var options = readWriteMount ? "rw,relatime" : "ro,relatime";
        _mounts.Add(new MountEntry(90, 1, "254:0", "/home/pi/mods", _tree.At("/app/custom-modules"), options, [], "ext4", "/dev/vda", "rw"));
    }

    private bool TargetIsLinked => new FileInfo(_tree.At("/app/modules/custom")).LinkTarget is not null;

    [Fact]
    public void A_failing_privilege_drop_stops_the_start_with_exit_1_logs_why_and_never_execs()
    {
        _drop.Problem = "setuid(1001) failed: Operation not permitted";

        var code = Run(Settings(user: "app"));

        Assert.Equal(ExitCodes.SetupFailed, code);
        var call = Assert.Single(_drop.Calls);
        Assert.Equal((1001u, 1001u), (call.Uid, call.Gid));
        Assert.Empty(_replacer.Calls);
        Assert.Contains(_sink.Messages(), m => m.StartsWith("Error: cannot drop privileges to \"1001:1001\"", StringComparison.Ordinal)
            && m.Contains("setuid(1001) failed: Operation not permitted", StringComparison.Ordinal)
            && m.Contains("not started as root instead", StringComparison.Ordinal));
        Assert.DoesNotContain(_sink.Messages(), m => m.Contains("exec true", StringComparison.Ordinal));
    }

    [Fact]
    public void A_successful_privilege_drop_goes_on_to_exec_the_command()
    {
        var code = Run(Settings(user: "app"), command: ["true", "x"]);

        Assert.Equal(99, code);
        Assert.Single(_drop.Calls);
        var exec = Assert.Single(_replacer.Calls);
        Assert.EndsWith("/true", exec.Path, StringComparison.Ordinal);
        Assert.Equal(["true", "x"], exec.Argv);
    }

    [Fact]
    public void Without_a_user_there_is_no_drop()
    {
        var code = Run(Settings());

        Assert.Equal(99, code);
        Assert.Empty(_drop.Calls);
        Assert.Single(_replacer.Calls);
    }

    [Fact]
    public void Strict_with_custom_code_mounted_read_write_stops_with_exit_1_and_changes_nothing()
    {
        ImageWithCustomCode(readWriteMount: true);

        // As the app user (who cannot write SOURCE), the read-write mount is the only warning.
        var code = Run(Settings(user: "app", strict: true));

        Assert.Equal(ExitCodes.SetupFailed, code);
        Assert.Empty(_replacer.Calls);
        Assert.False(TargetIsLinked);
        Assert.True(File.Exists(_tree.At("/app/modules/custom/.gitkeep")));
        var log = _sink.Messages();
        var warning = Assert.Single(log, m => m.StartsWith("Warning:", StringComparison.Ordinal));
        Assert.Contains("custom-code-read-write", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(log, m => m.StartsWith("Error:", StringComparison.Ordinal) && !m.Contains("start stopped", StringComparison.Ordinal));
        Assert.Contains(log, m => m.StartsWith("Error: start stopped before any change: \"warnings with --strict\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_strict_the_same_read_write_mount_is_linked_and_the_app_started()
    {
        ImageWithCustomCode(readWriteMount: true);

        var code = Run(Settings(user: "app", strict: false));

        Assert.Equal(99, code);
        Assert.Single(_replacer.Calls);
        Assert.Equal("../custom-modules", new FileInfo(_tree.At("/app/modules/custom")).LinkTarget);
        Assert.Contains(_sink.Messages(), m => m.StartsWith("Warning:", StringComparison.Ordinal) && m.Contains("custom-code-read-write", StringComparison.Ordinal));
    }

    [Fact]
    public void Strict_with_custom_code_mounted_read_only_starts_the_app()
    {
        ImageWithCustomCode(readWriteMount: false);

        var code = Run(Settings(user: "app", strict: true));

        Assert.Equal(99, code);
        Assert.True(TargetIsLinked);
    }

    [Fact]
    public void As_pid_1_the_run_logs_the_pid1_no_init_finding_at_information_level_and_still_starts()
    {
        var code = Run(Settings(strict: true), processId: 1, command: ["true"]);

        Assert.Equal(99, code);
        Assert.Contains(_sink.Messages(), m => m.StartsWith("Information: \"true will run as PID 1", StringComparison.Ordinal) && m.Contains("[\"pid1-no-init\"]", StringComparison.Ordinal));
    }

    [Fact]
    public void Not_as_pid_1_the_run_does_not_log_pid1_no_init()
    {
        Run(Settings(), processId: 4242);

        Assert.DoesNotContain(_sink.Messages(), m => m.Contains("pid1-no-init", StringComparison.Ordinal));
    }
}
