using System.Globalization;
using EntryPoint.Cli;
using EntryPoint.Core;
using EntryPoint.Core.Hooks;
using EntryPoint.Core.Users;
using EntryPoint.Os;
using EntryPoint.Os.Hooks;
using Serilog;

namespace EntryPoint.App;

/// <summary>
/// The start-up hooks of `run`: planned (as root, before the drop) from the hooks directory, then run one by one,
/// in name order, as the app's user with the app's environment, each line of their output logged with their name.
/// </summary>
public sealed class HookStep(Settings settings, IHookSource source, IHookRunner runner, ILogger log)
{
    public HookPlan Plan(AppIdentity app) => HookPlanner.Plan(source.Read(settings.HooksDir), app);

    /// <summary>Null when every hook succeeded (or there were none); else the exit code that stops the start.</summary>
    public int? Run(HookPlan plan, IReadOnlyList<KeyValuePair<string, string>> environment)
    {
        var hooks = plan.ToRun.ToList();
        if (hooks.Count == 0)
        {
            log.Debug("no start-up hooks to run in {Dir} ({State})", plan.Dir, plan.State == HookDirState.Missing ? "missing" : "none executable");
            return null;
        }

        var seconds = settings.HookTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        foreach (var hook in hooks)
        {
            if (settings.DryRun)
            {
                log.Information("dry run: hook {Hook} would run now ({Path}), nothing run", hook.Name, hook.Path);
                continue;
            }

            log.Information("hook {Hook}: running {Path} as {Uid}:{Gid} (timeout {Timeout} s)",
                hook.Name, hook.Path, Os.Native.Identity.EffectiveUid, Os.Native.Identity.EffectiveGid, seconds);
            var hookLog = log.ForContext("Hook", hook.Name);
            var result = runner.Run(ContainerPath.OnHost(settings.Root, hook.Path), environment, settings.HookTimeout,
                line => hookLog.Information("hook {Hook}: {Line}", hook.Name, line));
            var elapsed = result.Elapsed.TotalSeconds.ToString("0.##", CultureInfo.InvariantCulture);

            if (result.StartProblem is not null)
            {
                log.Error("start stopped: hook {Hook} ({Path}) could not be started: {Problem}; the app is not started [hook-failed]; fix: check its #! line and that it is executable, or remove it from {Dir}",
                    hook.Name, hook.Path, result.StartProblem, plan.Dir);
                return ExitCodes.SetupFailed;
            }

            if (result.TimedOut)
            {
                log.Error("start stopped: hook {Hook} ({Path}) did not finish within {Timeout} s and was killed with its process group; the app is not started [hook-timeout]; fix: make it finish (start long-running services in the background with their output redirected), or allow more time with ENTRYPOINT_HOOK_TIMEOUT / --hook-timeout",
                    hook.Name, hook.Path, seconds);
                return ExitCodes.SetupFailed;
            }

            if (result.ExitCode != 0)
            {
                log.Error("start stopped: hook {Hook} ({Path}) failed with exit code {ExitCode}; the app is not started [hook-failed]; fix: see its output above, fix it, or remove it from {Dir}",
                    hook.Name, hook.Path, result.ExitCode, plan.Dir);
                return ExitCodes.SetupFailed;
            }

            log.Information("hook {Hook}: done in {Elapsed} s", hook.Name, elapsed);
            if (result.OutputLeftOpen)
            {
                log.Warning("hook {Hook} left a background process that still holds its stdout/stderr; what it writes from now on is lost, and once the app starts a write there fails (EPIPE, or SIGPIPE, which ends it) [hook-output-left-open]; fix: redirect the output of what it starts in the background, e.g. `cmd >/tmp/cmd.log 2>&1 &`",
                    hook.Name);
            }
        }

        return null;
    }
}
