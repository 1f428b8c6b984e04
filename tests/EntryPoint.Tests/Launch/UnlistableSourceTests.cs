using EntryPoint.Core;
using EntryPoint.Core.Launch;
using EntryPoint.Core.Linking;
using EntryPoint.Core.Resources;
using EntryPoint.Core.Users;

namespace EntryPoint.Tests.Launch;

/// <summary>Started as the app's user (no drop), a SOURCE it cannot list gets the same full error as after a drop.</summary>
public class UnlistableSourceTests
{
    private static Plan UnlistableSource(FileFacts facts)
    {
        var source = new SourceState(SourceKind.Unreadable, new Inventory(0, []), null, "permission denied", facts);
        var target = new TargetState(TargetKind.PlaceholderDirectory, null, false, false, null, [".gitkeep"], [".gitkeep"], null, null);
        return Planner.Plan(new Snapshot([new LinkSnapshot(LinkSpecParser.Defaults[0], source, target)], null), diagnose: false);
    }

    private static LaunchSnapshot StartedAs(uint uid, uint gid) =>
        new(uid, gid, [new("app", 1001, 1001, "", "/home/app", "/bin/sh")], [new("app", 1001, [])],
            ResourceLimits.Unknown, Capabilities.None, [], null);

    [Fact]
    public void A_source_the_running_user_cannot_list_names_its_owner_mode_the_apps_ids_and_both_fixes()
    {
        var links = UnlistableSource(new FileFacts(1002, 1002, 0x41C0, IsDirectory: true)); // drwx------

        var plan = LaunchPlanner.Plan(new Settings { Links = LinkSpecParser.Defaults }, StartedAs(1001, 1001), links);

        var error = Assert.Single(plan.Findings, f => f.Code == "source-not-readable");
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Contains("/app/custom-modules", error.Message, StringComparison.Ordinal);
        Assert.Contains("owner 1002:1002, mode 0700", error.Message, StringComparison.Ordinal);
        Assert.Contains("runs as 1001:1001", error.Message, StringComparison.Ordinal);
        Assert.Contains("chmod -R 755 /app/custom-modules", error.Hint, StringComparison.Ordinal);
        Assert.Contains("DOCKER_USER=1002 and DOCKER_GROUP=1002", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_unreadable_for_another_reason_gets_no_permission_error_the_mode_does_not_explain()
    {
        var links = UnlistableSource(new FileFacts(1001, 1001, 0x41ED, IsDirectory: true)); // drwxr-xr-x, its own

        var plan = LaunchPlanner.Plan(new Settings { Links = LinkSpecParser.Defaults }, StartedAs(1001, 1001), links);

        Assert.DoesNotContain(plan.Findings, f => f.Code == "source-not-readable");
    }
}
