using EntryPoint.Core;
using EntryPoint.Core.Linking;
using EntryPoint.Os;

namespace EntryPoint.Tests.Reliability;

/// <summary>
/// Races made deterministic: TARGET is swapped by "another process" after the snapshot and before the apply.
/// Whatever the swap, the outcome is the right link or a clean failure, and nothing of the swapped-in thing is lost.
/// </summary>
public sealed class SwapBetweenPlanAndApplyTests : IDisposable
{
    private readonly TempTree _tree = new();
    private const string Target = "/app/modules/custom";

    public void Dispose() => _tree.Dispose();

    private LinkPlan PlanNow()
    {
        _tree.File("/app/custom-modules/weather/module.yaml", "weather");
        return _tree.Reader().PlanModules();
    }

    private AppliedLink Apply(LinkPlan plan) => new Applier(new LinkWriter(_tree.Root), _tree.Reader(), 7).Apply(plan);

    private void HostDirWithPlaceholderNames()
    {
        _tree.File("/host/README.md", "the operator's readme");
        _tree.File("/host/.gitkeep", "");
    }

    private void AssertHostDirIntact()
    {
        Assert.Equal("the operator's readme", File.ReadAllText(_tree.At("/host/README.md")));
        Assert.True(File.Exists(_tree.At("/host/.gitkeep")));
    }

    private void AssertLinkedOrFailedCleanly(AppliedLink applied)
    {
        var text = new FileInfo(_tree.At(Target)).LinkTarget;
        Assert.True(applied.Failure is not null || text == "../custom-modules", $"outcome {applied.Outcome}, link {text}");
        Assert.False(Directory.EnumerateFileSystemEntries(_tree.At("/app/modules"), ".custom.entrypoint-*").Any(), "a temporary link was left behind");
    }

    [Fact]
    public void A_placeholder_directory_swapped_for_a_symlink_to_a_host_folder_loses_nothing_through_the_symlink()
    {
        _tree.File(Target + "/README.md", "placeholder");
        _tree.File(Target + "/.gitkeep");
        HostDirWithPlaceholderNames();
        var plan = PlanNow();
        Assert.Equal(LinkAction.ReplacePlaceholderDirectory, plan.Action);

        Directory.Move(_tree.At(Target), _tree.At("/app/modules/moved-away"));
        _tree.Symlink(Target, "../../host");
        var applied = Apply(plan);

        AssertHostDirIntact();
        AssertLinkedOrFailedCleanly(applied);
    }

    [Fact]
    public void A_placeholder_directory_that_gained_a_file_keeps_the_file_and_is_not_emptied()
    {
        _tree.File(Target + "/README.md", "placeholder");
        var plan = PlanNow();
        _tree.File(Target + "/mine.txt", "mine");

        var applied = Apply(plan);

        Assert.NotNull(applied.Failure);
        Assert.Equal("mine", File.ReadAllText(_tree.At(Target + "/mine.txt")));
        Assert.Equal("placeholder", File.ReadAllText(_tree.At(Target + "/README.md")));
    }

    [Fact]
    public void A_symlink_swapped_for_a_regular_file_is_not_overwritten()
    {
        _tree.Symlink(Target, "/elsewhere");
        var plan = PlanNow();
        Assert.Equal(LinkAction.ReplaceSymlink, plan.Action);

        File.Delete(_tree.At(Target));
        _tree.File(Target, "the operator's file");
        var applied = Apply(plan);

        Assert.NotNull(applied.Failure);
        Assert.Equal("the operator's file", File.ReadAllText(_tree.At(Target)));
        AssertLinkedOrFailedCleanly(applied);
    }

    [Fact]
    public void A_symlink_swapped_for_a_directory_with_content_keeps_the_content()
    {
        _tree.Symlink(Target, "/elsewhere");
        var plan = PlanNow();

        File.Delete(_tree.At(Target));
        _tree.File(Target + "/mine.txt", "mine");
        var applied = Apply(plan);

        Assert.NotNull(applied.Failure);
        Assert.Equal("mine", File.ReadAllText(_tree.At(Target + "/mine.txt")));
        AssertLinkedOrFailedCleanly(applied);
    }

    [Fact]
    public void A_symlink_that_vanished_is_simply_linked()
    {
        _tree.Symlink(Target, "/elsewhere");
        var plan = PlanNow();
        File.Delete(_tree.At(Target));

        var applied = Apply(plan);

        Assert.Null(applied.Failure);
        AssertLinkedOrFailedCleanly(applied);
    }

    [Fact]
    public void A_missing_target_that_appeared_as_a_file_is_not_overwritten()
    {
        var plan = PlanNow();
        Assert.Equal(LinkAction.CreateSymlink, plan.Action);
        _tree.File(Target, "appeared");

        var applied = Apply(plan);

        Assert.NotNull(applied.Failure);
        Assert.Equal("appeared", File.ReadAllText(_tree.At(Target)));
    }

    [Fact]
    public void A_placeholder_directory_swapped_for_another_run_s_link_counts_as_linked()
    {
        _tree.File(Target + "/.gitkeep");
        var plan = PlanNow();
        File.Delete(_tree.At(Target + "/.gitkeep"));
        Directory.Delete(_tree.At(Target));
        _tree.Symlink(Target, "../custom-modules");

        var applied = Apply(plan);

        Assert.Null(applied.Failure);
        Assert.Equal("already linked", applied.Outcome);
        Assert.True(File.Exists(_tree.At("/app/custom-modules/weather/module.yaml")));
    }

    [Fact]
    public void A_temporary_name_taken_by_a_directory_is_left_alone_with_a_clear_error()
    {
        _tree.Symlink(Target, "/elsewhere");
        _tree.File("/app/modules/.custom.entrypoint-7/keep.txt", "keep");
        var plan = PlanNow();

        var applied = Apply(plan);

        Assert.NotNull(applied.Failure);
        Assert.Contains(".custom.entrypoint-7", applied.Failure.Message);
        Assert.Equal("keep", File.ReadAllText(_tree.At("/app/modules/.custom.entrypoint-7/keep.txt")));
    }
}

/// <summary>SOURCE paths that lead astray: into TARGET, or round in a loop. Nothing is changed, and the error says why.</summary>
public sealed class SourcePathTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private LinkPlan Plan() => _tree.Reader().PlanModules();

    [Theory]
    [InlineData("modules/custom")]
    [InlineData("/app/modules/custom")]
    [InlineData("modules/custom/sub")]
    [InlineData("/app/../app/./modules/custom")]
    public void A_source_symlink_into_its_target_is_an_error_and_nothing_is_planned(string linkText)
    {
        _tree.File("/app/modules/custom/README.md", "placeholder");
        _tree.File("/app/modules/custom/sub/x/module.yaml");
        _tree.Symlink("/app/custom-modules", linkText);

        var plan = Plan();

        Assert.Equal(LinkAction.None, plan.Action);
        Assert.Contains(plan.Findings, f => f.Code == "source-inside-target" && f.Severity == Severity.Error);
    }

    [Fact]
    public void A_source_symlink_into_a_target_reached_through_a_symlinked_parent_is_caught_too()
    {
        _tree.File("/srv/mods/custom/README.md", "placeholder");
        _tree.Symlink("/app/modules", "/srv/mods");
        _tree.Symlink("/app/custom-modules", "/srv/mods/custom");

        Assert.Contains(Plan().Findings, f => f.Code == "source-inside-target");
    }

    [Theory]
    [InlineData("custom-modules")]
    [InlineData("modules/custom")]
    public void A_source_symlink_loop_is_an_error(string linkText)
    {
        _tree.Symlink("/app/custom-modules", linkText);
        _tree.Symlink("/app/modules/custom", "../custom-modules");

        var plan = Plan();

        Assert.Equal(LinkAction.None, plan.Action);
        Assert.Contains(plan.Findings, f => f.Code == "source-loop" && f.Message.Contains("symlink loop"));
    }

    [Fact]
    public void A_source_symlink_elsewhere_is_still_fine()
    {
        _tree.File("/srv/code/weather/module.yaml");
        _tree.File("/app/modules/custom/.gitkeep");
        _tree.Symlink("/app/custom-modules", "/srv/code");

        var plan = Plan();

        Assert.Equal(LinkAction.ReplacePlaceholderDirectory, plan.Action);
        Assert.DoesNotContain(plan.Findings, f => f.Severity == Severity.Error);
    }

    [Fact]
    public void The_resolver_treats_absolute_link_text_as_inside_root_and_stops_at_40_links()
    {
        _tree.Symlink("/a", "/b");
        _tree.Symlink("/b", "c/../d");
        _tree.Dir("/d/e");
        Assert.Equal(("/d/e/f", 0), EntryPoint.Os.PathResolver.Resolve(_tree.Root, "/a/e/f"));

        _tree.Symlink("/loop", "/loop");
        Assert.Equal(Errno.ELOOP, EntryPoint.Os.PathResolver.Resolve(_tree.Root, "/loop/x").Errno);
    }
}
