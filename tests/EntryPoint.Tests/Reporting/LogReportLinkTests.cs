using EntryPoint.Core;
using EntryPoint.Core.Linking;
using EntryPoint.Core.Mounts;
using EntryPoint.Core.Reporting;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace EntryPoint.Tests.Reporting;

/// <summary>
/// The one log line per link that the seed's troubleshooting greps rely on (`grep custom`), rendered as the text log
/// renders it ({Message:lj}).
/// </summary>
public sealed class LogReportLinkTests
{
    private static readonly LinkSpec Modules = LinkSpecParser.Defaults[0];

    private readonly MemorySink _sink = new();


    private static MountEntry Mount(string mountPoint, bool readOnly, string root = "/home/pi/mods") =>
        new(90, 1, "254:0", root, mountPoint, readOnly ? "ro,relatime" : "rw,relatime", [], "ext4", "/dev/vda", "rw");

    private static SourceState WithCode(int count, bool readOnly = true) =>
        new(SourceKind.Directory, new Inventory(count, Enumerable.Range(0, count).Select(i => new InventoryEntry($"m{i}", EntryKind.Directory, true)).ToList()),
            Mount("/app/custom-modules", readOnly), null);

    private static readonly SourceState Missing = new(SourceKind.Missing, new Inventory(0, []), null, null);

    private static TargetState Target(TargetKind kind) => new(kind, null, false, false, null, [], [], null, null);

    private (LogEvent Event, string Line) Logged(SourceState source, TargetState target, string? outcome = null, bool linkMade = false)
    {
        var plan = Planner.PlanLink(new LinkSnapshot(Modules, source, target), diagnose: false);
        var log = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(_sink).CreateLogger();
        new LogReport(log).Link(plan, outcome ?? plan.Outcome, linkMade);
        var logEvent = Assert.Single(_sink.Events);
        var text = new StringWriter();
        new MessageTemplateTextFormatter("{Message:lj}", System.Globalization.CultureInfo.InvariantCulture).Format(logEvent, text);
        return (logEvent, text.ToString());
    }

    [Fact]
    public void A_symlink_link_is_one_information_line_with_custom_the_mode_the_paths_the_mount_and_the_entry_count()
    {
        var (logEvent, line) = Logged(WithCode(3), Target(TargetKind.Missing), "linked", linkMade: true);

        Assert.Equal(LogEventLevel.Information, logEvent.Level);
        Assert.Contains("custom", line, StringComparison.Ordinal);
        Assert.StartsWith("custom modules: mode=symlink, linked;", line, StringComparison.Ordinal);
        Assert.Contains("target /app/modules/custom: symlink to /app/custom-modules", line, StringComparison.Ordinal);
        Assert.Contains("source /app/custom-modules: read-only mount of /home/pi/mods, 3 entries", line, StringComparison.Ordinal);
        Assert.EndsWith("the app gets 3 entries", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_read_write_source_is_said_to_be_read_write()
    {
        var (_, line) = Logged(WithCode(1, readOnly: false), Target(TargetKind.Missing), "linked", linkMade: true);

        Assert.Contains("read-write mount of /home/pi/mods", line, StringComparison.Ordinal);
        Assert.EndsWith("the app gets 1 entry", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_conflict_says_mode_conflict_and_that_the_app_gets_nothing_from_source()
    {
        var target = Target(TargetKind.OtherContent) with { Contents = ["index.js", "lib"] };
        var (logEvent, line) = Logged(WithCode(4), target);

        Assert.StartsWith("custom modules: mode=conflict, conflict;", line, StringComparison.Ordinal);
        Assert.Contains("target /app/modules/custom: directory with content (2 entries)", line, StringComparison.Ordinal);
        Assert.EndsWith("the app gets 0 entries", line, StringComparison.Ordinal);
        Assert.Equal("\"conflict\"", logEvent.Properties["Mode"].ToString());
    }

    [Fact]
    public void A_bind_mount_at_target_counts_the_entries_of_the_mount_not_of_source()
    {
        var target = Target(TargetKind.MountPoint) with
        {
            Mount = Mount("/app/modules/custom", readOnly: true, root: "/srv/direct"),
            MountedInventory = new Inventory(7, [new("a", EntryKind.Directory, true)]),
        };
        var (_, line) = Logged(WithCode(2), target);

        Assert.StartsWith("custom modules: mode=bind-mount,", line, StringComparison.Ordinal);
        Assert.Contains("read-only mount of /srv/direct, 7 entries", line, StringComparison.Ordinal);
        Assert.EndsWith("the app gets 7 entries", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_without_custom_code_says_mode_none_and_no_entries()
    {
        var (_, line) = Logged(Missing, Target(TargetKind.Missing));

        Assert.StartsWith("custom modules: mode=none, no custom code;", line, StringComparison.Ordinal);
        Assert.Contains("source /app/custom-modules: missing", line, StringComparison.Ordinal);
        Assert.EndsWith("the app gets 0 entries", line, StringComparison.Ordinal);
    }
}
