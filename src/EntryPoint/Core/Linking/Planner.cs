using EntryPoint.Core.Mounts;

namespace EntryPoint.Core.Linking;

/// <summary>
/// Turns a snapshot into a plan: the contract's link table as a pure function. Nothing here touches the OS, so
/// every row is tested with plain records. The same plan serves <c>run</c> (which applies it) and <c>diagnose</c>.
/// </summary>
public static class Planner
{
    /// <summary>Per-entry warnings stop here; the rest are summed up in one line.</summary>
    public const int MaxEntryWarnings = 20;

    public static Plan Plan(Snapshot snapshot, bool diagnose)
    {
        var links = snapshot.Links.Select(l => PlanLink(l, diagnose)).ToList();
        var findings = new List<Finding>();
        if (snapshot.MountTableProblem is { } problem)
        {
            findings.Add(Finding.Warning("mount-table-unreadable", MountInfoParser.SelfMountInfo,
                $"the mount table could not be read ({problem}); mount points are told apart by device numbers only",
                "run the container with /proc mounted (the default), or report this"));
        }

        return new Plan(links, findings);
    }

    public static LinkPlan PlanLink(LinkSnapshot link, bool diagnose)
    {
        var findings = new List<Finding>();
        var spec = link.Spec;
        var source = link.Source;
        var target = link.Target;
        var hasCode = source.HasCustomCode;

        // Why nothing is linked: a SOURCE that cannot be used is never called empty.
        var (noCode, noCodeOutcome) = source.Kind switch
        {
            SourceKind.Unreadable => ("cannot be read", "source cannot be read"),
            SourceKind.Loop => ("is a symlink loop", "source is a symlink loop"),
            SourceKind.InsideTarget => ("leads into the TARGET", "source leads into the TARGET"),
            _ => ("has no custom code", "no custom code"),
        };

        AddSourceFindings(spec, source, findings);

        LinkPlan Done(LinkMode mode, LinkAction action, string outcome)
        {
            if (action != LinkAction.None && target.WriteProblem is { } why)
            {
                findings.Add(Finding.Error("target-not-writable", spec.Target,
                    $"{spec.Target} must become a symlink to {spec.Source}, but it cannot be changed: {why}",
                    $"mount your code at {spec.Target} directly (e.g. -v HOST_DIR:{spec.Target}:ro) instead of at {spec.Source}, " +
                    $"or make {ContainerPath.Parent(spec.Target)} writable (drop --read-only, or add --tmpfs {ContainerPath.Parent(spec.Target)})"));
                return new LinkPlan(link, LinkMode.None, LinkAction.None, "cannot link", findings);
            }

            if (action != LinkAction.None && diagnose)
            {
                findings.Add(Finding.Info("link-pending", spec.Target,
                    $"{spec.Target} is not linked yet; a start will link it to {spec.Source}"));
            }

            var plan = new LinkPlan(link, mode, action, outcome, findings);
            if (mode is LinkMode.Symlink or LinkMode.BindMount && plan.Inventory is { } inventory)
            {
                AddInventoryFindings(spec, mode == LinkMode.BindMount ? spec.Target : spec.Source, inventory, findings);
            }

            return plan;
        }

        switch (target.Kind)
        {
            case TargetKind.MountPoint:
                if (hasCode)
                {
                    findings.Add(Finding.Warning("source-ignored", spec.Source,
                        $"{spec.Target} is a mount point, so the custom code in {spec.Source} is not used",
                        $"mount your code at one of {spec.Source} or {spec.Target}, not both"));
                }

                AddReadWriteFinding(spec.Target, target.Mount, target.MountedInventory?.Total > 0, findings);
                AddDeletedMountFinding("target-mount-deleted", spec.Target, target.Mount, findings);
                return Done(LinkMode.BindMount, LinkAction.None, "mounted directly, left untouched");

            case TargetKind.Unreadable:
                findings.Add(Finding.Error("target-unreadable", spec.Target, $"{spec.Target} cannot be examined: {target.Problem}",
                    $"check the permissions of {ContainerPath.Parent(spec.Target)}"));
                return Done(LinkMode.None, LinkAction.None, "cannot examine");

            case TargetKind.Missing:
                return hasCode
                    ? Done(LinkMode.Symlink, LinkAction.CreateSymlink, "will link")
                    : Done(LinkMode.None, LinkAction.None, noCodeOutcome);

            case TargetKind.Symlink when target.LinksToSource:
                if (!hasCode && target.Dangling)
                {
                    findings.Add(Finding.Warning("dangling-link", spec.Target,
                        $"{spec.Target} links to {spec.Source}, which does not exist",
                        $"mount your code at {spec.Source}, or remove the link"));
                }

                return Done(LinkMode.Symlink, LinkAction.None, "already linked");

            case TargetKind.Symlink:
                if (hasCode)
                {
                    return Done(LinkMode.Symlink, LinkAction.ReplaceSymlink, "will relink");
                }

                findings.Add(Finding.Warning(target.Dangling ? "dangling-link" : "link-elsewhere", spec.Target,
                    target.Dangling
                        ? $"{spec.Target} is a symlink to {target.LinkText}, which does not exist; kept, since {spec.Source} {noCode}"
                        : $"{spec.Target} is a symlink to {target.LinkText}, not to {spec.Source}; kept, since {spec.Source} {noCode}",
                    $"mount your code at {spec.Source} and it will be linked on the next start"));
                return Done(LinkMode.None, LinkAction.None, "kept");

            case TargetKind.PlaceholderDirectory:
                return hasCode
                    ? Done(LinkMode.Symlink, LinkAction.ReplacePlaceholderDirectory, "will link")
                    : Done(LinkMode.None, LinkAction.None, noCodeOutcome);

            default: // OtherContent
                if (hasCode)
                {
                    findings.Add(Finding.Error("target-conflict", spec.Target,
                        $"{spec.Target} already holds content ({Describe(target.Contents)}), and {spec.Source} has custom code; nothing was deleted",
                        $"either mount your code at {spec.Target} directly instead of {spec.Source}, " +
                        $"or remove the content from {spec.Target} in the image so that it can become a symlink to {spec.Source}"));
                    return new LinkPlan(link, LinkMode.Conflict, LinkAction.None, "conflict", findings);
                }

                findings.Add(Finding.Info("target-has-content", spec.Target,
                    $"{spec.Target} holds content of its own ({Describe(target.Contents)}); kept, since {spec.Source} {noCode}"));
                return Done(LinkMode.None, LinkAction.None, "kept");
        }
    }

    private static void AddSourceFindings(LinkSpec spec, SourceState source, List<Finding> findings)
    {
        switch (source.Kind)
        {
            case SourceKind.Unreadable:
                findings.Add(Finding.Error("source-unreadable", spec.Source,
                    $"{spec.Source} cannot be listed: {source.Problem}",
                    $"make it readable for the app's user: chmod -R 755 on the host directory mounted at {spec.Source}"));
                break;
            case SourceKind.Loop:
                findings.Add(Finding.Error("source-loop", spec.Source,
                    $"{spec.Source} is a symlink loop ({source.Problem}), so the custom code cannot be reached",
                    $"remove the symlink at {spec.Source}, or point it at the folder that holds the custom code (not back at itself or at {spec.Target})"));
                break;
            case SourceKind.InsideTarget:
                findings.Add(Finding.Error("source-inside-target", spec.Source,
                    $"{spec.Source} is a symlink into {spec.Target} ({source.Problem}), so linking {spec.Target} to it would make a loop; nothing was changed",
                    $"mount your code at {spec.Source} itself (remove the symlink from the image), or mount it at {spec.Target} directly"));
                break;
            case SourceKind.NotDirectory:
                findings.Add(Finding.Warning("source-not-directory", spec.Source,
                    $"{spec.Source} is not a directory, so it is not used",
                    $"mount a directory at {spec.Source}"));
                break;
            case SourceKind.Directory when source.HasCustomCode:
                AddReadWriteFinding(spec.Source, source.Mount, true, findings);
                break;
            case SourceKind.Directory when source.Mount is not null:
                findings.Add(Finding.Info("source-mount-empty", spec.Source,
                    $"{spec.Source} is mounted from {source.Mount.Origin} but is empty",
                    "check the host path of the mount"));
                break;
        }

        AddDeletedMountFinding("source-mount-deleted", spec.Source, source.Mount, findings);
    }

    private static void AddDeletedMountFinding(string code, string path, MountEntry? mount, List<Finding> findings)
    {
        if (mount is { RootDeleted: true } deleted)
        {
            findings.Add(Finding.Warning(code, path,
                $"the host directory mounted at {path} ({deleted.Root}) was deleted on the host",
                "recreate it on the host and restart the container"));
        }
    }

    private static void AddReadWriteFinding(string path, MountEntry? mount, bool hasContent, List<Finding> findings)
    {
        if (mount is { ReadOnly: false } && hasContent)
        {
            findings.Add(Finding.Warning("custom-code-read-write", path,
                $"custom code at {path} is mounted read-write from {mount.Origin}",
                $"mount it read-only: add :ro to the volume (e.g. -v HOST_DIR:{path}:ro)"));
        }
    }

    private static void AddInventoryFindings(LinkSpec spec, string path, Inventory inventory, List<Finding> findings)
    {
        var warned = 0;
        var skipped = 0;
        foreach (var entry in inventory.Entries)
        {
            Finding? finding = entry switch
            {
                { Kind: EntryKind.DanglingSymlink } => Finding.Warning("entry-dangling", $"{path}/{entry.Name}",
                    $"{path}/{entry.Name} is a symlink to nothing; it aborts the app's scan of the whole folder",
                    "remove the link or restore what it points to"),
                { Found: false } => Finding.Warning("entry-not-found", $"{path}/{entry.Name}",
                    $"{path}/{entry.Name} has none of {string.Join(", ", spec.Markers)}, so the app will skip it",
                    $"add {spec.Markers[0]} to it, or remove it from {path}"),
                _ => null,
            };
            if (finding is null)
            {
                continue;
            }

            if (warned < MaxEntryWarnings)
            {
                findings.Add(finding);
                warned++;
            }
            else
            {
                skipped++;
            }
        }

        if (skipped > 0)
        {
            findings.Add(Finding.Warning("entry-not-found", path, $"{skipped} more entries of {path} will not be found by the app"));
        }

        if (inventory.Truncated)
        {
            findings.Add(Finding.Info("inventory-truncated", path,
                $"{path} has {inventory.Total} entries; only the first {inventory.Entries.Count} were examined"));
        }
    }

    private static string Describe(IReadOnlyList<string> contents) =>
        contents.Count == 0 ? "a file" : string.Join(", ", contents.Take(5)) + (contents.Count > 5 ? $" and {contents.Count - 5} more" : "");
}
