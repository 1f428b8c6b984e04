using EntryPoint.Core.Users;

namespace EntryPoint.Core.Hooks;

/// <summary>One hook as the plan sees it: it runs, or it is skipped and <see cref="Skipped"/> says why.</summary>
public sealed record PlannedHook(string Name, string Path, string? Skipped)
{
    public bool Runs => Skipped is null;
}

/// <summary>The hooks to run, in order, and what the operator should hear about the rest.</summary>
public sealed record HookPlan(string Dir, HookDirState State, IReadOnlyList<PlannedHook> Hooks, IReadOnlyList<Finding> Findings)
{
    public IEnumerable<PlannedHook> ToRun => Hooks.Where(h => h.Runs);
}

/// <summary>
/// Which files of the hooks directory run, as a pure function: every regular file (or symlink to one) whose name does
/// not start with a dot, in ordinal name order. A file without any x bit is skipped with a warning; one with x bits
/// that the app's user still cannot run is an error, since it was meant to run and the start would be incomplete.
/// </summary>
public static class HookPlanner
{
    public static HookPlan Plan(HookSnapshot snapshot, AppIdentity app)
    {
        var findings = new List<Finding>();
        var dir = snapshot.Dir;
        switch (snapshot.State)
        {
            case HookDirState.Missing:
                return new HookPlan(dir, snapshot.State, [], findings);
            case HookDirState.NotADirectory:
                findings.Add(Finding.Warning("hooks-dir-not-a-directory", dir,
                    $"The hooks directory {dir} is not a directory, so no start-up hook runs.",
                    "make it a directory of executable hook files, or point ENTRYPOINT_HOOKS_DIR / --hooks-dir elsewhere"));
                return new HookPlan(dir, snapshot.State, [], findings);
            case HookDirState.Unreadable:
                findings.Add(Finding.Error("hooks-dir-unreadable", dir,
                    $"The hooks directory {dir} cannot be listed: {snapshot.Problem}; its hooks would not run.",
                    $"make it readable (chmod 755 {dir}), or point ENTRYPOINT_HOOKS_DIR / --hooks-dir elsewhere"));
                return new HookPlan(dir, snapshot.State, [], findings);
        }

        var hooks = new List<PlannedHook>();
        foreach (var entry in snapshot.Entries.Where(e => !e.Name.StartsWith('.')).OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var path = dir.TrimEnd('/') + "/" + entry.Name;
            var skipped = Check(entry, path, app, findings);
            hooks.Add(new PlannedHook(entry.Name, path, skipped));
        }

        if (snapshot.DirFacts is { } facts && hooks.Any(h => h.Runs) && !PermissionRules.CanExecute(facts with { IsDirectory = true }, app))
        {
            findings.Add(Finding.Error("hooks-dir-not-searchable", dir,
                $"The hooks directory {dir} (owner {facts.Owner}, mode {facts.OctalMode}) cannot be entered by the app's user {app}, who runs the hooks.",
                $"chmod 755 {dir} in the image, or on the host for a mounted folder"));
        }

        return new HookPlan(dir, snapshot.State, hooks, findings);
    }

    private static string? Check(HookEntry entry, string path, AppIdentity app, List<Finding> findings)
    {
        switch (entry.Kind)
        {
            case HookEntryKind.Directory:
                findings.Add(Finding.Warning("hook-not-a-file", path,
                    $"{path} is a directory, not a hook; it is skipped (hooks are the files directly in the hooks directory).",
                    "move its scripts up into the hooks directory, or rename it to start with a dot so it is ignored"));
                return "a directory";
            case HookEntryKind.DanglingSymlink:
                findings.Add(Finding.Warning("hook-dangling-symlink", path,
                    $"The hook {path} is a symlink to nothing; it is skipped.",
                    "point it at an existing script, or remove it"));
                return "a dangling symlink";
            case HookEntryKind.Other:
                findings.Add(Finding.Warning("hook-not-a-file", path,
                    $"{path} is not a regular file; it is skipped.", "remove it from the hooks directory"));
                return "not a regular file";
        }

        var facts = entry.Facts!;
        if (!PermissionRules.HasAnyExecuteBit(facts))
        {
            findings.Add(Finding.Warning("hook-not-executable", path,
                $"The hook {path} (mode {facts.OctalMode}) is not executable, so it is skipped.",
                $"chmod +x {path} to run it, or rename it to start with a dot to keep it there without running it"));
            return $"not executable (mode {facts.OctalMode})";
        }

        if (!PermissionRules.CanExecute(facts, app) || !PermissionRules.CanRead(facts, app))
        {
            findings.Add(Finding.Error("hook-not-runnable", path,
                $"The hook {path} (owner {facts.Owner}, mode {facts.OctalMode}) cannot be run by the app's user {app}, who runs the hooks: it needs both r and x.",
                $"chmod 755 {path}, or chown it to the app's user"));
            return $"not runnable by {app} (owner {facts.Owner}, mode {facts.OctalMode})";
        }

        return null;
    }
}
