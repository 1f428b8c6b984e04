using EntryPoint.Core.Linking;
using Serilog;
using Serilog.Events;

namespace EntryPoint.Core.Reporting;

/// <summary>
/// The log lines of the contract: one per link with the word "custom", its mode, paths, read-only or read-write and
/// entry count (so `docker compose logs | grep custom` works), then each finding at its own level.
/// </summary>
public sealed class LogReport(ILogger log)
{
    /// <param name="linkMade">The applier just made (or found another run had made) the link, so TARGET is no longer as the snapshot saw it.</param>
    public void Link(LinkPlan plan, string outcome, bool linkMade = false)
    {
        var snapshot = plan.Snapshot;
        var isLink = linkMade || plan is { Mode: LinkMode.Symlink, Action: LinkAction.None };
        var targetState = isLink ? $"symlink to {plan.Spec.Source}" : Describe.Target(snapshot.Target);
        log.Information(
            "custom {Link}: mode={Mode}, {Outcome}; target {Target}: {TargetState}; source {Source}: {SourceState}; the app gets {Entries}",
            plan.Spec.Name,
            Plan.ModeName(plan.Mode),
            outcome,
            plan.Spec.Target,
            targetState,
            plan.Spec.Source,
            Describe.Source(snapshot.Source),
            Describe.Entries(Describe.EntryCount(plan)));
    }

    public void Finding(Finding finding)
    {
        var level = finding.Severity switch
        {
            Severity.Error => LogEventLevel.Error,
            Severity.Warning => LogEventLevel.Warning,
            _ => LogEventLevel.Information,
        };
        if (finding.Hint is null)
        {
            log.Write(level, "{Message} [{Code}]", finding.Message, finding.Code);
        }
        else
        {
            log.Write(level, "{Message} [{Code}]; fix: {Hint}", finding.Message, finding.Code, finding.Hint);
        }
    }
}
