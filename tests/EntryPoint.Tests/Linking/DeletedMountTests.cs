using EntryPoint.Core;
using EntryPoint.Core.Linking;
using EntryPoint.Core.Mounts;

namespace EntryPoint.Tests.Linking;

/// <summary>A bind mount whose host directory was deleted (root ending in //deleted) is reported wherever it is mounted.</summary>
public class DeletedMountTests
{
    private static readonly LinkSpec Modules = LinkSpecParser.Defaults[0];

    private static MountEntry Mount(string at, string root) =>
        new(90, 1, "254:0", root, at, "ro", [], "ext4", "/dev/vda", "rw");

    [Theory]
    [InlineData("/home/pi/mods//deleted", true)]
    [InlineData("/home/pi/mods", false)]
    public void A_direct_mount_at_target_whose_host_directory_was_deleted_is_a_warning(string root, bool warned)
    {
        var source = new SourceState(SourceKind.Missing, new Inventory(0, []), null, null);
        var target = new TargetState(TargetKind.MountPoint, null, false, false, Mount("/app/modules/custom", root), [], [], null, null, new Inventory(0, []));

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
