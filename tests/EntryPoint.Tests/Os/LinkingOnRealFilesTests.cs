using EntryPoint.Core.Linking;
using EntryPoint.Os;

namespace EntryPoint.Tests.Os;

/// <summary>Snapshot, plan and apply on real temporary trees (no mounts: those are in the integration tests).</summary>
public sealed class LinkingOnRealFilesTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private (LinkPlan Plan, AppliedLink Applied) Run(int pid = 7)
    {
        var reader = _tree.Reader();
        var plan = reader.PlanModules();
        var applied = new Applier(new LinkWriter(_tree.Root), reader, pid).Apply(plan);
        return (plan, applied);
    }

    private void AssertLinkedToSource()
    {
        var info = new FileInfo(_tree.At("/app/modules/custom"));
        Assert.Equal("../custom-modules", info.LinkTarget);
        Assert.True(File.Exists(_tree.At("/app/modules/custom/weather/module.yaml")));
    }

    [Fact]
    public void A_missing_target_gets_its_parents_and_a_relative_symlink()
    {
        _tree.File("/app/custom-modules/weather/module.yaml");
        var (plan, applied) = Run();
        Assert.Equal(LinkAction.CreateSymlink, plan.Action);
        Assert.Equal("linked", applied.Outcome);
        AssertLinkedToSource();
    }

    [Fact]
    public void A_placeholder_directory_loses_only_its_placeholders()
    {
        _tree.File("/app/custom-modules/weather/module.yaml");
        _tree.File("/app/modules/custom/.gitkeep");
        _tree.File("/app/modules/custom/README.md", "placeholder");
        var (plan, applied) = Run();
        Assert.Equal(LinkAction.ReplacePlaceholderDirectory, plan.Action);
        Assert.Null(applied.Failure);
        AssertLinkedToSource();
    }

    [Fact]
    public void A_second_run_says_already_linked_and_changes_nothing()
    {
        _tree.File("/app/custom-modules/weather/module.yaml");
        Run();
        var (plan, applied) = Run();
        Assert.Equal(LinkAction.None, plan.Action);
        Assert.Equal("already linked", applied.Outcome);
        AssertLinkedToSource();
    }

    [Fact]
    public void A_symlink_elsewhere_is_replaced_and_its_old_destination_is_kept()
    {
        _tree.File("/app/custom-modules/weather/module.yaml");
        _tree.File("/old/keep.txt", "mine");
        _tree.Symlink("/app/modules/custom", "../../old");
        var (plan, applied) = Run();
        Assert.Equal(LinkAction.ReplaceSymlink, plan.Action);
        Assert.Null(applied.Failure);
        AssertLinkedToSource();
        Assert.Equal("mine", File.ReadAllText(_tree.At("/old/keep.txt")));
    }

    [Fact]
    public void A_temporary_link_left_by_a_killed_run_is_cleaned_up()
    {
        _tree.File("/app/custom-modules/weather/module.yaml");
        _tree.Symlink("/app/modules/custom", "/nowhere");
        _tree.Symlink("/app/modules/.custom.entrypoint-1", "/stale");
        var (_, applied) = Run(pid: 1);
        Assert.Null(applied.Failure);
        AssertLinkedToSource();
        Assert.False(File.Exists(_tree.At("/app/modules/.custom.entrypoint-1")) || new FileInfo(_tree.At("/app/modules/.custom.entrypoint-1")).LinkTarget is not null);
    }

    [Fact]
    public void A_target_with_content_is_a_conflict_and_every_file_stays()
    {
        _tree.File("/app/custom-modules/weather/module.yaml");
        _tree.File("/app/modules/custom/baked/module.yaml", "baked");
        _tree.File("/app/modules/custom/.gitkeep");
        var (plan, applied) = Run();
        Assert.Equal(LinkMode.Conflict, plan.Mode);
        Assert.Equal(LinkAction.None, plan.Action);
        Assert.Equal("baked", File.ReadAllText(_tree.At("/app/modules/custom/baked/module.yaml")));
        Assert.True(File.Exists(_tree.At("/app/modules/custom/.gitkeep")));
        Assert.Null(applied.Failure);
    }

    [Fact]
    public void A_file_appearing_after_the_snapshot_stops_the_replace_and_survives()
    {
        _tree.File("/app/custom-modules/weather/module.yaml");
        _tree.File("/app/modules/custom/.gitkeep");
        var reader = _tree.Reader();
        var plan = reader.PlanModules();
        _tree.File("/app/modules/custom/late.txt", "late");

        var applied = new Applier(new LinkWriter(_tree.Root), reader, 7).Apply(plan);

        Assert.NotNull(applied.Failure);
        Assert.Equal("link-failed", applied.Failure.Code);
        Assert.Equal("late", File.ReadAllText(_tree.At("/app/modules/custom/late.txt")));
    }

    [SkippableFact]
    public void An_unwritable_parent_is_an_error_in_the_plan_before_anything_is_tried()
    {
        Skip.If(Mono.Unix.Native.Syscall.geteuid() == 0, "root writes through permission bits; the integration tests show this with a read-only mount");
        _tree.File("/app/custom-modules/weather/module.yaml");
        _tree.Dir("/app/modules");
        File.SetUnixFileMode(_tree.At("/app/modules"), UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            var plan = _tree.Reader().PlanModules();
            Assert.Contains(plan.Findings, f => f.Code == "target-not-writable" && f.Message.Contains("/app/modules"));
        }
        finally
        {
            File.SetUnixFileMode(_tree.At("/app/modules"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public void Many_runs_at_once_all_succeed_and_leave_one_link()
    {
        _tree.File("/app/custom-modules/weather/module.yaml");
        _tree.File("/app/modules/custom/.gitkeep");
        _tree.File("/app/modules/custom/README.md");
        var results = new AppliedLink[16];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i => results[i] = Run(pid: 100 + i).Applied);
        Assert.All(results, r => Assert.Null(r.Failure));
        AssertLinkedToSource();
        Assert.Equal(["custom"], Directory.EnumerateFileSystemEntries(_tree.At("/app/modules")).Select(Path.GetFileName));
    }

    [Fact]
    public void The_inventory_says_which_entries_the_app_will_find()
    {
        _tree.File("/app/custom-modules/weather/module.yaml");
        _tree.File("/app/custom-modules/notes/readme.txt");
        _tree.File("/app/custom-modules/loose.yaml");
        _tree.Dir("/app/custom-modules/.git");
        _tree.Symlink("/app/custom-modules/gone", "/nonexistent");
        var source = _tree.Reader().ReadModules().Source;

        Assert.Equal(4, source.Inventory.Total);
        var byName = source.Inventory.Entries.ToDictionary(e => e.Name);
        Assert.True(byName["weather"].Found);
        Assert.False(byName["notes"].Found);
        Assert.False(byName["loose.yaml"].Found);
        Assert.Equal(EntryKind.DanglingSymlink, byName["gone"].Kind);
        Assert.DoesNotContain(".git", byName.Keys);
    }

    [Fact]
    public void A_big_source_is_counted_in_full_but_described_only_up_to_the_limit()
    {
        for (var i = 0; i < Inventory.Limit + 50; i++)
        {
            _tree.Dir($"/app/custom-modules/m{i:D4}");
        }

        var source = _tree.Reader().ReadModules().Source;
        Assert.Equal(Inventory.Limit + 50, source.Inventory.Total);
        Assert.Equal(Inventory.Limit, source.Inventory.Entries.Count);
        Assert.True(source.Inventory.Truncated);
    }
}
