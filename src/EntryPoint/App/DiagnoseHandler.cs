using EntryPoint.Cli;
using EntryPoint.Core;
using EntryPoint.Core.Launch;
using EntryPoint.Core.Linking;
using EntryPoint.Core.Reporting;

namespace EntryPoint.App;

/// <summary>`diagnose`: the same snapshot and plan as a start, reported instead of applied. Never writes.</summary>
public sealed class DiagnoseHandler(Settings settings, ISnapshotSource snapshots, ILaunchSource launchSource, TextWriter stdout, Stream stdoutStream, Os.Hooks.IHookSource? hooks = null)
{
    public int Handle(bool json)
    {
        var plan = Planner.Plan(snapshots.Read(settings.Links), diagnose: true);
        var launch = LaunchPlanner.Plan(settings, launchSource.Read(settings), plan);
        var extra = new List<Finding>(launch.Findings);
        if (ProcessFacts.Pid1WithoutInit(ProcessFacts.Pid1IsNotAnInit(), "the app") is { } pid1)
        {
            extra.Add(pid1);
        }

        // Listed, never run: diagnose changes nothing.
        var hookPlan = hooks is null ? null : Core.Hooks.HookPlanner.Plan(hooks.Read(settings.HooksDir), launch.Identity);
        extra.AddRange(hookPlan?.Findings ?? []);

        var worst = plan.AllFindings.Concat(extra).Select(f => (Severity?)f.Severity).Max();
        var status = worst switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "ok",
        };

        if (json)
        {
            stdout.Flush();
            JsonReport.Write(stdoutStream, plan, status, extra, json =>
            {
                LaunchReport.WriteJson(json, launch);
                if (hookPlan is not null)
                {
                    HookReport.WriteJson(json, hookPlan, settings.HookTimeout);
                }
            });
        }
        else
        {
            TextReport.Write(stdout, plan, status, extra, text =>
            {
                LaunchReport.WriteText(text, launch);
                if (hookPlan is not null)
                {
                    HookReport.WriteText(text, hookPlan, settings.HookTimeout);
                }
            });
            stdout.Flush();
        }

        var findings = plan.AllFindings.Concat(extra).ToList();
        return Finding.Fail(findings, settings.Strict) ? Finding.ExitCode(findings, ExitCodes.Usage, ExitCodes.Unhealthy) : ExitCodes.Ok;
    }
}
