using System.Diagnostics;
using EntryPoint.Os.Hooks;

namespace EntryPoint.Tests.Hooks;

/// <summary>Real child processes: output line by line, exactly the given environment, exit codes and the timeout.</summary>
public sealed class HookRunnerTests : IDisposable
{
    private const string Setsid = "/usr/bin/setsid";
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private string Script(string name, string body)
    {
        var path = _tree.File("/hooks/" + name, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, (UnixFileMode)0x1ED);
        return path;
    }

    private static (HookResult Result, List<string> Lines) Run(
        HookRunner runner, string path, TimeSpan? timeout = null, params (string, string)[] env)
    {
        var lines = new List<string>();
        var environment = env.Select(e => new KeyValuePair<string, string>(e.Item1, e.Item2)).ToList();
        var result = runner.Run(path, environment, timeout ?? TimeSpan.FromSeconds(20), line =>
        {
            lock (lines)
            {
                lines.Add(line);
            }
        });
        return (result, lines);
    }

    [Fact]
    public void Stdout_and_stderr_come_line_by_line_and_the_exit_code_is_the_hooks()
    {
        var path = Script("a.sh", "echo one; echo two >&2; printf 'three\\nfour'; exit 3");

        var (result, lines) = Run(new HookRunner([]), path);

        Assert.Equal(3, result.ExitCode);
        Assert.False(result.TimedOut);

        // Without the session helper the two streams are two pipes: each keeps its order, not the order across them.
        Assert.Equal(["one", "three", "four"], lines.Where(l => l != "two"));
        Assert.Equal(4, lines.Count);
        Assert.Contains("two", lines);
    }

    [Fact]
    public void The_hook_gets_exactly_the_environment_it_is_given_and_no_stdin()
    {
        var path = Script("env.sh", "env | sort; read line && echo \"stdin=$line\" || echo stdin-closed");

        var (result, lines) = Run(new HookRunner([]), path, null, ("PATH", "/usr/bin:/bin"), ("HOME", "/home/app"), ("MARKER", "a b=c"));

        Assert.Equal(0, result.ExitCode);
        var output = lines.Where(l => !l.StartsWith("PWD=") && !l.StartsWith("SHLVL=") && !l.StartsWith("_=")).ToList();
        Assert.Equal(["HOME=/home/app", "MARKER=a b=c", "PATH=/usr/bin:/bin", "stdin-closed"], output);
    }

    [Fact]
    public void A_script_without_a_shebang_line_cannot_be_started_and_says_why()
    {
        var path = _tree.File("/hooks/plain", "echo hi\n");
        File.SetUnixFileMode(path, (UnixFileMode)0x1ED);

        var (result, _) = Run(new HookRunner([]), path);

        Assert.Null(result.ExitCode);
        Assert.NotNull(result.StartProblem);
    }

    [SkippableFact]
    public void A_hook_past_its_timeout_is_killed_with_its_background_children_in_its_own_session()
    {
        Skip.IfNot(File.Exists(Setsid), "needs setsid from util-linux");
        var pidFile = _tree.At("/bg.pid");
        var path = Script("hang.sh", $"sleep 300 & echo $! > {pidFile}; echo started; sleep 300");

        var clock = Stopwatch.StartNew();
        var (result, lines) = Run(new HookRunner([Setsid]), path, TimeSpan.FromSeconds(1));

        Assert.True(result.TimedOut);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Contains("started", lines);
        var background = int.Parse(File.ReadAllText(pidFile).Trim());
        Assert.True(Gone(background), $"background child {background} survived the timeout");
    }

    [Fact]
    public void Without_a_session_helper_the_process_tree_is_killed()
    {
        var path = Script("hang.sh", "sleep 300");

        var (result, _) = Run(new HookRunner([]), path, TimeSpan.FromMilliseconds(300));

        Assert.True(result.TimedOut);
        Assert.False(result.OutputLeftOpen);
    }

    [Fact]
    public void A_background_child_holding_the_output_is_noticed_and_does_not_hold_up_the_start()
    {
        var pidFile = _tree.At("/bg.pid");
        var path = Script("bg.sh", $"sleep 30 & echo $! > {pidFile}; echo done");

        var clock = Stopwatch.StartNew();
        var (result, lines) = Run(new HookRunner([]), path);
        try
        {
            Assert.Equal(0, result.ExitCode);
            Assert.True(result.OutputLeftOpen);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
            Assert.Contains("done", lines);
        }
        finally
        {
            Process.GetProcessById(int.Parse(File.ReadAllText(pidFile).Trim())).Kill();
        }
    }

    [Fact]
    public void A_helper_the_current_user_cannot_run_falls_back_to_running_the_hook_directly()
    {
        var path = Script("a.sh", "echo direct");

        var (result, lines) = Run(new HookRunner(["/nonexistent/helper", "--x"]), path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["direct"], lines);
    }

    /// <summary>Gone, or a zombie nobody has reaped yet.</summary>
    private static bool Gone(int pid)
    {
        for (var i = 0; i < 50; i++)
        {
            var stat = $"/proc/{pid}/stat";
            if (!File.Exists(stat))
            {
                return true;
            }

            try
            {
                var text = File.ReadAllText(stat);
                if (text[(text.LastIndexOf(')') + 2)..].StartsWith('Z'))
                {
                    return true;
                }
            }
            catch (IOException)
            {
                return true;
            }

            Thread.Sleep(100);
        }

        return false;
    }
}
