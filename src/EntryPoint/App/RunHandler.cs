using EntryPoint.Cli;
using EntryPoint.Core;
using EntryPoint.Core.Launch;
using EntryPoint.Core.Linking;
using EntryPoint.Core.Reporting;
using EntryPoint.Os;
using EntryPoint.Os.Exec;
using Serilog;

namespace EntryPoint.App;

/// <summary>
/// `run`: snapshot, plan, apply, log, then become the app. All or nothing: when the plan has an error (or a
/// warning under --strict) nothing is changed, so a failed start leaves the tree as the operator made it.
/// </summary>
public sealed class RunHandler(
    Settings settings,
    ISnapshotSource snapshots,
    ILaunchSource launchSource,
    Applier applier,
    IPrivilegeDrop privileges,
    IProcessReplacer replacer,
    ILogger log,
    Func<string, string?> environment,
    IReadOnlyList<KeyValuePair<string, string>> appEnvironment,
    int processId,
    HookStep? hooks = null)
{
    public int Handle(IReadOnlyList<string> command)
    {
        var report = new LogReport(log);
        var plan = Planner.Plan(snapshots.Read(settings.Links), diagnose: false);
        var launch = LaunchPlanner.Plan(settings, launchSource.Read(settings), plan);
        var processFindings = new List<Finding>(launch.Findings);
        if (command.Count > 0 && ProcessFacts.Pid1WithoutInit(processId == 1, command[0]) is { } pid1)
        {
            processFindings.Add(pid1);
        }

        var launchFails = Finding.Fail(processFindings, settings.Strict);
        if (plan.Fails(settings.Strict) || launchFails)
        {
            foreach (var link in plan.Links)
            {
                report.Link(link, link.Outcome);
            }

            var findings = plan.AllFindings.Concat(processFindings).ToList();
            Report(report, findings);
            var errors = findings.Count(f => f.Severity == Severity.Error);
            log.Error("start stopped before any change: {Problems}; nothing was changed",
                errors > 0 ? $"{errors} error(s)" : "warnings with --strict");
            return Finding.ExitCode(findings, ExitCodes.Usage, ExitCodes.SetupFailed);
        }

        var failures = new List<Finding>();
        foreach (var link in plan.Links)
        {
            if (settings.DryRun && link.Action != LinkAction.None)
            {
                report.Link(link, $"dry run: {link.Outcome}, nothing changed");
                continue;
            }

            var applied = applier.Apply(link);
            report.Link(link, applied.Outcome, linkMade: link.Action != LinkAction.None && applied.Failure is null);
            if (applied.Failure is not null)
            {
                failures.Add(applied.Failure);
            }
        }

        Report(report, plan.AllFindings.Concat(processFindings).Concat(failures));
        if (failures.Count > 0)
        {
            log.Error("start stopped: {Count} link(s) could not be made", failures.Count);
            return ExitCodes.SetupFailed;
        }

        // Hooks are read after linking (a link may be what brings them) and as root, before the drop.
        var hookPlan = hooks?.Plan(launch.Identity);
        if (hookPlan is not null)
        {
            Report(report, hookPlan.Findings);
            if (Finding.Fail(hookPlan.Findings, settings.Strict))
            {
                log.Error("start stopped before any hook ran: {Problems} about the start-up hooks in {Dir}",
                    hookPlan.Findings.Any(f => f.Severity == Severity.Error) ? "error(s)" : "warnings with --strict", hookPlan.Dir);
                return ExitCodes.SetupFailed;
            }
        }

        log.Information("{Summary}", LaunchReport.Summary(launch));
        if (launch.DropTo is { } user)
        {
            var problem = privileges.DropTo(user);
            if (problem is not null)
            {
                log.Error("cannot drop privileges to {User}: {Problem}; the app is not started as root instead", $"{user.Uid}:{user.Gid}", problem);
                return ExitCodes.SetupFailed;
            }
        }

        if (command.Count == 0)
        {
            log.Error("no command was given, so there is nothing to start; put the app in the image's CMD or after the options (entrypoint [OPTIONS] [--] COMMAND [ARGS...])");
            return ExitCodes.Usage;
        }

        var resolved = CommandResolver.Resolve(command[0], environment("PATH"));
        if (resolved.Path is null)
        {
            log.Error("cannot start the app: {Problem}", resolved.Problem);
            return resolved.ExitCode;
        }

        var environmentForApp = appEnvironment
            .Where(kv => launch.EnvironmentOverrides.All(o => o.Key != kv.Key))
            .Concat(launch.EnvironmentOverrides)
            .ToList();

        // After the drop, so the hooks run as the app's user, with the environment execve will pass.
        if (hookPlan is not null && hooks!.Run(hookPlan, environmentForApp) is { } hookFailure)
        {
            return hookFailure;
        }

        log.Information("exec {Command} (PID {Pid})", string.Join(' ', command), processId);
        (log as IDisposable)?.Dispose();
        Log.CloseAndFlush();
        Console.Error.Flush();
        Console.Out.Flush();

        var (code, execProblem) = replacer.Replace(resolved.Path, command, environmentForApp);
        Console.Error.WriteLine($"entrypoint: cannot start the app: {execProblem}");
        return code;
    }

    private static void Report(LogReport report, IEnumerable<Finding> findings)
    {
        foreach (var finding in findings)
        {
            report.Finding(finding);
        }
    }
}
