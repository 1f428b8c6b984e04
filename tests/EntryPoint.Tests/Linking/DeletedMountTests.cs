using EntryPoint.Core;
using EntryPoint.Core.Linking;
using EntryPoint.Core.Mounts;

namespace EntryPoint.Tests.Linking;

/// <summary>A bind mount whose host directory was removed after the container started (the kernel's "//deleted" root), at SOURCE or at TARGET.</summary>
public sealed class DeletedMountTests
{
    private static readonly LinkSpec Modules = LinkSpecParser.Defaults[0];

    private static MountEntry Mount(string root, string at = "/app/custom-modules") =>
        new(90, 1, "254:0", root, at, "ro,relatime", [], "ext4", "/dev/vda", "rw");

    private static TargetState Target(TargetKind kind) => new(kind, null, false, false, null, [], [], null, null);

    private static LinkPlan PlanOf(SourceState source) =>
        Planner.PlanLink(new LinkSnapshot(Modules, source, Target(TargetKind.Missing)), diagnose: false);

    [Fact]
    public void A_source_mount_whose_root_ends_in_deleted_gives_the_source_mount_deleted_warning()
    {
        var source = new SourceState(SourceKind.Directory, new Inventory(0, []), Mount("/home/pi/mods//deleted"), null);

        var finding = Assert.Single(PlanOf(source).Findings, f => f.Code == "source-mount-deleted");

        Assert.Equal((Severity.Warning, "/app/custom-modules"), (finding.Severity, finding.Path));
        Assert.Contains("/home/pi/mods//deleted", finding.Message, StringComparison.Ordinal);
        Assert.Contains("deleted on the host", finding.Message, StringComparison.Ordinal);
        Assert.Contains("recreate it on the host", finding.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deleted_source_mount_warns_even_when_it_still_lists_custom_code()
    {
        var source = new SourceState(SourceKind.Directory, new Inventory(1, [new("weather", EntryKind.Directory, true)]), Mount("/home/pi/mods//deleted"), null);

        var plan = PlanOf(source);

        Assert.Contains(plan.Findings, f => f is { Severity: Severity.Warning, Code: "source-mount-deleted" });
        Assert.True(Finding.Fail(plan.Findings, strict: true));
    }

    [Theory]
    [InlineData("/home/pi/mods")]
    [InlineData("/home/pi/deleted")]
    [InlineData("/home/pi/mods/deleted")]
    public void A_source_mount_whose_root_does_not_end_in_deleted_gives_no_such_warning(string root)
    {
        var source = new SourceState(SourceKind.Directory, new Inventory(0, []), Mount(root), null);

        Assert.DoesNotContain(PlanOf(source).Findings, f => f.Code == "source-mount-deleted");
    }

    [Theory]
    [InlineData("/home/pi/mods//deleted", true)]
    [InlineData("/home/pi/mods", false)]
    public void A_direct_mount_at_target_whose_host_directory_was_deleted_is_a_warning(string root, bool warned)
    {
        var source = new SourceState(SourceKind.Missing, new Inventory(0, []), null, null);
        var target = Target(TargetKind.MountPoint) with { Mount = Mount(root, "/app/modules/custom"), MountedInventory = new Inventory(0, []) };

        var plan = Planner.PlanLink(new LinkSnapshot(Modules, source, target), diagnose: false);

        Assert.Equal(LinkMode.BindMount, plan.Mode);
        var deleted = plan.Findings.Where(f => f.Code == "target-mount-deleted").ToList();
        Assert.Equal(warned, deleted.Count == 1);
        if (warned)
        {
            Assert.Equal(Severity.Warning, deleted[0].Severity);
            Assert.Contains("/app/modules/custom (/home/pi/mods//deleted) was deleted on the host", deleted[0].Message, StringComparison.Ordinal);
        }
    }
}
