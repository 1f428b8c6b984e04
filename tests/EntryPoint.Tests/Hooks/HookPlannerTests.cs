using EntryPoint.Core;
using EntryPoint.Core.Hooks;
using EntryPoint.Core.Users;

namespace EntryPoint.Tests.Hooks;

/// <summary>Which files of the hooks directory run, in which order, and what is said about the others.</summary>
public class HookPlannerTests
{
    private static readonly AppIdentity App = new(1001, 1001, [1001]);
    private static readonly FileFacts RootDir = new(0, 0, 0x41ED, true); // 040755

    private static HookEntry File(string name, uint mode = 0x1ED, uint owner = 0) => new(name, HookEntryKind.File, new FileFacts(owner, owner, mode, false));

    private static HookPlan Plan(params HookEntry[] entries) =>
        HookPlanner.Plan(new HookSnapshot("/docker-entrypoint.d", HookDirState.Directory, RootDir, entries), App);

    [Fact]
    public void Executable_files_run_in_ordinal_name_order()
    {
        var plan = Plan(File("20-b.sh"), File("3-c"), File("10-a.sh"), File("B"), File("a"));

        Assert.Equal(["10-a.sh", "20-b.sh", "3-c", "B", "a"], plan.ToRun.Select(h => h.Name));
        Assert.Equal("/docker-entrypoint.d/10-a.sh", plan.Hooks[0].Path);
        Assert.Empty(plan.Findings);
    }

    [Fact]
    public void Hidden_files_and_directories_are_ignored_without_a_word()
    {
        var plan = Plan(File(".hidden"), new HookEntry(".git", HookEntryKind.Directory, RootDir), File("10-a.sh"));

        Assert.Equal(["10-a.sh"], plan.Hooks.Select(h => h.Name));
        Assert.Empty(plan.Findings);
    }

    [Fact]
    public void A_file_without_an_x_bit_is_skipped_with_a_warning_and_the_fix()
    {
        var plan = Plan(File("10-a.sh"), File("15-notes.txt", mode: 0x1A4)); // 0644

        var skipped = Assert.Single(plan.Hooks, h => !h.Runs);
        Assert.Equal("15-notes.txt", skipped.Name);
        Assert.Contains("not executable", skipped.Skipped);
        var finding = Assert.Single(plan.Findings);
        Assert.Equal((Severity.Warning, "hook-not-executable"), (finding.Severity, finding.Code));
        Assert.Contains("chmod +x /docker-entrypoint.d/15-notes.txt", finding.Hint);
    }

    [Fact]
    public void An_executable_the_app_user_cannot_run_is_an_error_naming_owner_mode_and_user()
    {
        var plan = Plan(File("10-root-only.sh", mode: 0x1C0)); // 0700, root's

        Assert.False(plan.Hooks[0].Runs);
        var finding = Assert.Single(plan.Findings);
        Assert.Equal((Severity.Error, "hook-not-runnable"), (finding.Severity, finding.Code));
        Assert.Contains("0:0", finding.Message);
        Assert.Contains("0700", finding.Message);
        Assert.Contains("1001:1001", finding.Message);
    }

    [Fact]
    public void Root_runs_any_file_with_an_x_bit()
    {
        var plan = HookPlanner.Plan(
            new HookSnapshot("/hooks", HookDirState.Directory, RootDir, [File("a", mode: 0x140, owner: 5)]), new AppIdentity(0, 0, [0])); // 0500

        Assert.True(plan.Hooks[0].Runs);
    }

    [Fact]
    public void Directories_dangling_symlinks_and_other_files_are_skipped_with_warnings()
    {
        var plan = Plan(
            new HookEntry("sub", HookEntryKind.Directory, RootDir),
            new HookEntry("gone", HookEntryKind.DanglingSymlink, null),
            new HookEntry("fifo", HookEntryKind.Other, null));

        Assert.All(plan.Hooks, h => Assert.False(h.Runs));
        Assert.Equal(["hook-not-a-file", "hook-dangling-symlink", "hook-not-a-file"], plan.Findings.Select(f => f.Code));
        Assert.All(plan.Findings, f => Assert.Equal(Severity.Warning, f.Severity));
    }

    [Fact]
    public void A_missing_or_empty_directory_is_fine()
    {
        var missing = HookPlanner.Plan(HookSnapshot.Missing("/docker-entrypoint.d"), App);
        var empty = Plan();

        Assert.Empty(missing.Hooks);
        Assert.Empty(missing.Findings);
        Assert.Empty(empty.Hooks);
        Assert.Empty(empty.Findings);
    }

    [Fact]
    public void A_hooks_path_that_is_a_file_is_a_warning_and_an_unreadable_one_an_error()
    {
        var file = HookPlanner.Plan(new HookSnapshot("/d", HookDirState.NotADirectory, null, []), App);
        var unreadable = HookPlanner.Plan(new HookSnapshot("/d", HookDirState.Unreadable, null, [], "permission denied"), App);

        Assert.Equal((Severity.Warning, "hooks-dir-not-a-directory"), (file.Findings[0].Severity, file.Findings[0].Code));
        Assert.Equal((Severity.Error, "hooks-dir-unreadable"), (unreadable.Findings[0].Severity, unreadable.Findings[0].Code));
        Assert.Contains("permission denied", unreadable.Findings[0].Message);
    }

    [Fact]
    public void A_directory_the_app_user_cannot_enter_is_an_error_when_something_would_run()
    {
        var closed = new FileFacts(0, 0, 0x41C0, true); // 040700

        var plan = HookPlanner.Plan(new HookSnapshot("/d", HookDirState.Directory, closed, [File("a")]), App);
        var nothingToRun = HookPlanner.Plan(new HookSnapshot("/d", HookDirState.Directory, closed, [File("a", mode: 0x1A4)]), App);

        Assert.Contains(plan.Findings, f => f.Code == "hooks-dir-not-searchable" && f.Severity == Severity.Error);
        Assert.DoesNotContain(nothingToRun.Findings, f => f.Code == "hooks-dir-not-searchable");
    }
}
