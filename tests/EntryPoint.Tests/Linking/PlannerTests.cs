using EntryPoint.Core;
using EntryPoint.Core.Linking;
using EntryPoint.Core.Mounts;

namespace EntryPoint.Tests.Linking;

/// <summary>Every row of the contract's link table, as plain records: the planner never touches the OS.</summary>
public class PlannerTests
{
    private static readonly LinkSpec Modules = LinkSpecParser.Defaults[0];

    private static MountEntry Mount(string mountPoint, bool readOnly, string root = "/home/pi/mods") =>
        new(90, 1, "254:0", root, mountPoint, readOnly ? "ro,relatime" : "rw,relatime", [], "ext4", "/dev/vda", "rw");

    private static SourceState WithCode(params string[] names) =>
        new(SourceKind.Directory, new Inventory(names.Length, names.Select(n => new InventoryEntry(n, EntryKind.Directory, true)).ToList()),
            Mount("/app/custom-modules", readOnly: true), null);

    private static readonly SourceState Missing = new(SourceKind.Missing, new Inventory(0, []), null, null);
    private static readonly SourceState Empty = new(SourceKind.Directory, new Inventory(0, []), null, null);

    private static TargetState Target(TargetKind kind) => new(kind, null, false, false, null, [], [], null, null);

    private static TargetState MountPointAtTarget(bool readOnly) =>
        Target(TargetKind.MountPoint) with { Mount = Mount("/app/modules/custom", readOnly), MountedInventory = new Inventory(1, [new("a", EntryKind.Directory, true)]) };

    private static LinkPlan PlanOf(SourceState source, TargetState target, bool diagnose = false) =>
        Planner.PlanLink(new LinkSnapshot(Modules, source, target), diagnose);

    private static void HasNoProblems(LinkPlan plan) =>
        Assert.DoesNotContain(plan.Findings, f => f.Severity != Severity.Info);

    [Fact]
    public void A_missing_target_with_custom_code_becomes_a_symlink()
    {
        var plan = PlanOf(WithCode("weather"), Target(TargetKind.Missing));
        Assert.Equal((LinkMode.Symlink, LinkAction.CreateSymlink), (plan.Mode, plan.Action));
        HasNoProblems(plan);
    }

    [Fact]
    public void A_missing_target_without_custom_code_is_left_alone()
    {
        foreach (var source in new[] { Missing, Empty })
        {
            var plan = PlanOf(source, Target(TargetKind.Missing));
            Assert.Equal((LinkMode.None, LinkAction.None), (plan.Mode, plan.Action));
            HasNoProblems(plan);
        }
    }

    [Fact]
    public void A_symlink_to_source_is_kept_and_said_to_be_already_linked()
    {
        var plan = PlanOf(WithCode("weather"), Target(TargetKind.Symlink) with { LinksToSource = true, LinkText = "../custom-modules" });
        Assert.Equal((LinkMode.Symlink, LinkAction.None, "already linked"), (plan.Mode, plan.Action, plan.Outcome));
        HasNoProblems(plan);
    }

    [Fact]
    public void A_symlink_to_a_missing_source_is_kept_with_a_warning_that_it_dangles()
    {
        var plan = PlanOf(Missing, Target(TargetKind.Symlink) with { LinksToSource = true, Dangling = true });
        Assert.Equal((LinkMode.Symlink, LinkAction.None), (plan.Mode, plan.Action));
        Assert.Contains(plan.Findings, f => f is { Severity: Severity.Warning, Code: "dangling-link" });
    }

    [Fact]
    public void A_symlink_to_an_empty_source_is_kept_quietly()
    {
        var plan = PlanOf(Empty, Target(TargetKind.Symlink) with { LinksToSource = true });
        Assert.Equal(LinkAction.None, plan.Action);
        HasNoProblems(plan);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_symlink_elsewhere_or_dangling_is_replaced_when_source_has_code(bool dangling)
    {
        var plan = PlanOf(WithCode("weather"), Target(TargetKind.Symlink) with { LinkText = "/old", Dangling = dangling });
        Assert.Equal((LinkMode.Symlink, LinkAction.ReplaceSymlink), (plan.Mode, plan.Action));
    }

    [Theory]
    [InlineData(false, "link-elsewhere")]
    [InlineData(true, "dangling-link")]
    public void A_symlink_elsewhere_is_kept_with_a_warning_when_source_has_no_code(bool dangling, string code)
    {
        var plan = PlanOf(Missing, Target(TargetKind.Symlink) with { LinkText = "/old", Dangling = dangling });
        Assert.Equal(LinkAction.None, plan.Action);
        Assert.Contains(plan.Findings, f => f.Severity == Severity.Warning && f.Code == code);
    }

    [Fact]
    public void A_directory_of_placeholders_is_replaced_by_the_symlink()
    {
        var target = Target(TargetKind.PlaceholderDirectory) with { Contents = [".gitkeep", "README.md"], Placeholders = [".gitkeep", "README.md"] };
        var plan = PlanOf(WithCode("weather"), target);
        Assert.Equal((LinkMode.Symlink, LinkAction.ReplacePlaceholderDirectory), (plan.Mode, plan.Action));
        HasNoProblems(plan);
    }

    [Fact]
    public void A_directory_of_placeholders_is_kept_when_source_has_no_code()
    {
        var plan = PlanOf(Empty, Target(TargetKind.PlaceholderDirectory) with { Contents = [".gitkeep"], Placeholders = [".gitkeep"] });
        Assert.Equal((LinkMode.None, LinkAction.None), (plan.Mode, plan.Action));
        HasNoProblems(plan);
    }

    [Fact]
    public void A_mount_point_at_target_is_never_touched_and_source_is_said_to_be_ignored()
    {
        var target = MountPointAtTarget(readOnly: true);
        var plan = PlanOf(WithCode("weather"), target);
        Assert.Equal((LinkMode.BindMount, LinkAction.None), (plan.Mode, plan.Action));
        Assert.Contains(plan.Findings, f => f is { Severity: Severity.Warning, Code: "source-ignored" });
    }

    [Fact]
    public void A_mount_point_at_target_without_source_code_is_a_bind_mount_without_warnings()
    {
        var target = MountPointAtTarget(readOnly: true);
        var plan = PlanOf(Missing, target);
        Assert.Equal((LinkMode.BindMount, LinkAction.None), (plan.Mode, plan.Action));
        HasNoProblems(plan);
    }

    [Fact]
    public void A_directory_with_other_content_is_a_conflict_naming_both_remedies_when_source_has_code()
    {
        var plan = PlanOf(WithCode("weather"), Target(TargetKind.OtherContent) with { Contents = ["baked-in"] });
        Assert.Equal((LinkMode.Conflict, LinkAction.None), (plan.Mode, plan.Action));
        var error = Assert.Single(plan.Findings, f => f.Severity == Severity.Error);
        Assert.Equal("target-conflict", error.Code);
        Assert.Contains("baked-in", error.Message);
        Assert.Contains("directly", error.Hint);
        Assert.Contains("remove the content", error.Hint);
    }

    [Fact]
    public void A_directory_with_other_content_is_kept_with_an_info_when_source_has_no_code()
    {
        var plan = PlanOf(Missing, Target(TargetKind.OtherContent) with { Contents = ["baked-in"] });
        Assert.Equal((LinkMode.None, LinkAction.None), (plan.Mode, plan.Action));
        Assert.Contains(plan.Findings, f => f is { Severity: Severity.Info, Code: "target-has-content" });
        HasNoProblems(plan);
    }

    [Theory]
    [InlineData(TargetKind.Missing)]
    [InlineData(TargetKind.PlaceholderDirectory)]
    [InlineData(TargetKind.Symlink)]
    public void A_needed_change_that_cannot_be_made_is_an_error_naming_the_fix(TargetKind kind)
    {
        var target = Target(kind) with { WriteProblem = "/app/modules is not writable (read-only filesystem)" };
        var plan = PlanOf(WithCode("weather"), target);
        Assert.Equal(LinkAction.None, plan.Action);
        var error = Assert.Single(plan.Findings, f => f.Severity == Severity.Error);
        Assert.Equal("target-not-writable", error.Code);
        Assert.Contains("read-only filesystem", error.Message);
        Assert.Contains("directly", error.Hint);
        Assert.Contains("writable", error.Hint);
    }

    [Fact]
    public void An_unwritable_target_is_no_problem_when_nothing_needs_to_change()
    {
        var plan = PlanOf(Missing, Target(TargetKind.Missing) with { WriteProblem = "read-only filesystem" });
        HasNoProblems(plan);
    }

    [Fact]
    public void Custom_code_mounted_read_write_is_a_warning()
    {
        var source = WithCode("weather") with { Mount = Mount("/app/custom-modules", readOnly: false) };
        var plan = PlanOf(source, Target(TargetKind.Missing));
        Assert.Contains(plan.Findings, f => f is { Severity: Severity.Warning, Code: "custom-code-read-write" });
    }

    [Fact]
    public void A_direct_read_write_mount_with_code_is_a_warning_too()
    {
        var target = MountPointAtTarget(readOnly: false);
        var plan = PlanOf(Missing, target);
        Assert.Contains(plan.Findings, f => f is { Severity: Severity.Warning, Code: "custom-code-read-write" });
    }

    [Fact]
    public void An_unreadable_source_is_an_error_and_never_taken_for_empty()
    {
        var plan = PlanOf(new SourceState(SourceKind.Unreadable, new Inventory(0, []), null, "permission denied"), Target(TargetKind.PlaceholderDirectory));
        Assert.Contains(plan.Findings, f => f is { Severity: Severity.Error, Code: "source-unreadable" });
    }

    [Fact]
    public void In_diagnose_a_link_not_made_yet_is_a_symlink_with_a_pending_info()
    {
        var plan = PlanOf(WithCode("weather"), Target(TargetKind.Missing), diagnose: true);
        Assert.Equal(LinkMode.Symlink, plan.Mode);
        Assert.Contains(plan.Findings, f => f is { Severity: Severity.Info, Code: "link-pending" });
    }

    [Fact]
    public void An_entry_without_markers_and_a_dangling_entry_are_warnings_that_name_them()
    {
        var source = WithCode() with
        {
            Inventory = new Inventory(3, [new("good", EntryKind.Directory, true), new("notes", EntryKind.Directory, false), new("gone", EntryKind.DanglingSymlink, false)]),
        };
        var plan = PlanOf(source, Target(TargetKind.Missing));
        Assert.Contains(plan.Findings, f => f.Code == "entry-not-found" && f.Path == "/app/custom-modules/notes" && f.Message.Contains("module.yaml"));
        Assert.Contains(plan.Findings, f => f.Code == "entry-dangling" && f.Path == "/app/custom-modules/gone");
        Assert.DoesNotContain(plan.Findings, f => f.Path == "/app/custom-modules/good");
    }

    [Fact]
    public void Entry_warnings_are_bounded_however_many_entries_miss_markers()
    {
        var entries = Enumerable.Range(0, 200).Select(i => new InventoryEntry($"e{i}", EntryKind.Directory, false)).ToList();
        var plan = PlanOf(WithCode() with { Inventory = new Inventory(5000, entries) }, Target(TargetKind.Missing));
        Assert.InRange(plan.Findings.Count(f => f.Code == "entry-not-found"), 1, Planner.MaxEntryWarnings + 1);
        Assert.Contains(plan.Findings, f => f.Code == "inventory-truncated" && f.Message.Contains("5000"));
    }

    [Fact]
    public void A_plan_with_only_warnings_fails_only_under_strict()
    {
        var source = WithCode("weather") with { Mount = Mount("/app/custom-modules", readOnly: false) };
        var plan = new Plan([PlanOf(source, Target(TargetKind.Missing))], []);
        Assert.False(plan.Fails(strict: false));
        Assert.True(plan.Fails(strict: true));
    }
}
