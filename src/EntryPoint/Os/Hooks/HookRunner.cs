using System.ComponentModel;
using System.Diagnostics;
using EntryPoint.Os.Native;

namespace EntryPoint.Os.Hooks;

/// <summary>How one hook ended.</summary>
/// <param name="ExitCode">The hook's exit code (128+N when signal N ended it); null when it never started.</param>
/// <param name="StartProblem">Why it could not be started at all.</param>
/// <param name="OutputLeftOpen">It exited, but something it started in the background still holds its stdout/stderr.</param>
public sealed record HookResult(int? ExitCode, bool TimedOut, string? StartProblem, bool OutputLeftOpen, TimeSpan Elapsed);

public interface IHookRunner
{
    /// <summary>Runs <paramref name="path"/> with exactly <paramref name="environment"/>; each line it writes, to stdout or stderr, goes to <paramref name="output"/>.</summary>
    HookResult Run(string path, IReadOnlyList<KeyValuePair<string, string>> environment, TimeSpan timeout, Action<string> output);
}

/// <summary>
/// Runs a hook as a child process, as whoever this process is now (the app's user, after the drop). stdin is
/// closed, stdout and stderr are read line by line. With a session helper (see <see cref="HookSession"/>) the hook
/// leads its own process group, and a timeout sends SIGTERM, then after a grace SIGKILL, to the whole group; the
/// helper also joins stderr to stdout, so lines keep their order. Without one, the process tree is killed, and a
/// line on stderr may be logged before a stdout line written just before it.
/// </summary>
/// <param name="sessionPrefix">The command that puts the hook in a new session before it execs it, e.g.
/// [entrypoint, --internal-hook-session] or [/usr/bin/setsid]; empty for none.</param>
public sealed class HookRunner(IReadOnlyList<string> sessionPrefix) : IHookRunner
{
    /// <summary>How long SIGTERM has before SIGKILL.</summary>
    public static readonly TimeSpan KillGrace = TimeSpan.FromSeconds(2);

    /// <summary>How long, after the hook exited, its output may take to reach its end.</summary>
    public static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(2);

    public HookResult Run(string path, IReadOnlyList<KeyValuePair<string, string>> environment, TimeSpan timeout, Action<string> output)
    {
        // The helper must be runnable by whoever we are now; if not, the hook runs without a session of its own.
        var ownSession = sessionPrefix.Count > 0 && Access.CanExecute(sessionPrefix[0]).Ok;
        var start = new ProcessStartInfo(ownSession ? sessionPrefix[0] : path)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (ownSession)
        {
            foreach (var arg in sessionPrefix.Skip(1))
            {
                start.ArgumentList.Add(arg);
            }

            start.ArgumentList.Add(path);
        }

        start.Environment.Clear();
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        var gate = new object();
        var open = true;

        void Forward(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (gate)
            {
                if (open)
                {
                    output(line);
                }
            }
        }

        Process process;
        try
        {
            process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => Forward(e.Data);
            process.ErrorDataReceived += (_, e) => Forward(e.Data);
            process.Start();
        }
        catch (Win32Exception e)
        {
            return new HookResult(null, false, e.Message, false, clock.Elapsed);
        }

        using (process)
        {
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            process.StandardInput.Close();

            var timedOut = !process.WaitForExit(timeout);
            if (timedOut)
            {
                Stop(process, ownSession);
            }

            var drained = Drain(process);
            lock (gate)
            {
                open = false;
            }

            try
            {
                process.CancelOutputRead();
                process.CancelErrorRead();
            }
            catch (InvalidOperationException)
            {
            }

            return new HookResult(process.HasExited ? process.ExitCode : null, timedOut, null, !drained && !timedOut, clock.Elapsed);
        }
    }

    private static void Stop(Process process, bool ownSession)
    {
        if (ownSession && Kill.Group(process.Id, Kill.SigTerm).Ok)
        {
            process.WaitForExit(KillGrace);

            // Always, so that background children that outlived the leader (or ignored SIGTERM) go too.
            Kill.Group(process.Id, Kill.SigKill);
        }

        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }

        process.WaitForExit(KillGrace);
    }

    /// <summary>Waits a little for the output to end; false when something else still holds it open.</summary>
    private static bool Drain(Process process)
    {
        using var cancel = new CancellationTokenSource(DrainGrace);
        try
        {
            process.WaitForExitAsync(cancel.Token).GetAwaiter().GetResult();
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
