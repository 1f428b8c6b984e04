using EntryPoint.Core;
using EntryPoint.Core.Linking;
using EntryPoint.Core.Mounts;
using EntryPoint.Core.Reporting;
using EntryPoint.Os;

namespace EntryPoint.Tests.Os;

/// <summary>What the snapshot says about SOURCE and TARGET on a real temporary tree.</summary>
public sealed class SnapshotReaderTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void A_target_with_many_files_of_its_own_is_counted_in_full_in_the_conflict_and_the_report()
    {
        _tree.File("/app/custom-modules/weather/module.yaml");
        _tree.File("/app/modules/custom/.gitkeep");
        for (var i = 0; i < 100; i++)
        {
            _tree.File($"/app/modules/custom/file{i:000}.js");
        }

        var snapshot = new SnapshotReader(_tree.Root, () => new MountTable([])).Read([LinkSpecParser.Defaults[0]]);
        var link = Planner.Plan(snapshot, diagnose: true).Links[0];

        Assert.Equal(TargetKind.OtherContent, link.Snapshot.Target.Kind);
        Assert.Equal(["/app/modules/custom/.gitkeep"], link.Snapshot.Target.Placeholders.Select(p => "/app/modules/custom/" + p));
        Assert.Equal("directory with content (101 entries)", Describe.Target(link.Snapshot.Target));
        var conflict = Assert.Single(link.Findings, f => f.Code == "target-conflict");
        Assert.Contains("(.gitkeep, file000.js, file001.js, file002.js, file003.js and 96 more)", conflict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_holding_only_hidden_entries_has_no_custom_code_so_the_placeholder_target_stays()
    {
        // The inventory's rule wins over "as ls -A would say": an image's own .gitkeep in the intermediate mount
        // point must not make TARGET a link to an empty folder.
        _tree.File("/app/custom-modules/.gitkeep");
        _tree.File("/app/custom-modules/.git/HEAD", "ref: refs/heads/main\n");
        _tree.File("/app/modules/custom/.gitkeep");

        var snapshot = new SnapshotReader(_tree.Root, () => new MountTable([])).Read([LinkSpecParser.Defaults[0]]);
        var link = Planner.Plan(snapshot, diagnose: false).Links[0];

        Assert.False(link.Snapshot.Source.HasCustomCode);
        Assert.Equal(0, link.Snapshot.Source.Inventory.Total);
        Assert.Equal((LinkMode.None, LinkAction.None, "no custom code"), (link.Mode, link.Action, link.Outcome));
    }
}
