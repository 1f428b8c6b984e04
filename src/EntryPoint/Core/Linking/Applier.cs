
namespace EntryPoint.Core.Linking;

/// <summary>What applying one link came to: the words for the log, and an error when it failed.</summary>
public sealed record AppliedLink(LinkPlan Plan, string Outcome, Finding? Failure);

/// <summary>
/// Carries out a plan. Every step is one that cannot lose data: a missing TARGET gets symlink() at its name (EEXIST
/// if anything appeared), an old symlink is swapped atomically with a new one made under a temporary name (and
/// swapped back if what came out is not a symlink), a placeholder directory loses only its placeholder files and is
/// removed with rmdir (which refuses a directory that is not empty), and anything unexpected stops with an error.
/// When a step fails, TARGET is looked at again: if another run linked it meanwhile, that is success.
/// </summary>
public sealed class Applier(ILinkWriter writer, ISnapshotSource probe, int processId)
{
    public AppliedLink Apply(LinkPlan plan)
    {
        if (plan.Action == LinkAction.None)
        {
            return new AppliedLink(plan, plan.Outcome, null);
        }

        var spec = plan.Spec;
        var linkText = ContainerPath.RelativeLinkText(spec.Target, spec.Source);
        var stale = writer.RemoveStaleTemporaryLinks(ContainerPath.Parent(spec.Target), TemporaryPrefix(spec), processId);
        var cleaned = stale == 0 ? "" : $" (removed {stale} temporary link(s) left by an interrupted run)";
        var failure = plan.Action switch
        {
            LinkAction.CreateSymlink => CreateLink(spec, linkText),
            LinkAction.ReplaceSymlink => ReplaceLink(spec, linkText),
            _ => ReplacePlaceholders(plan, linkText),
        };

        if (failure is null)
        {
            return new AppliedLink(plan, "linked" + cleaned, null);
        }

        // Another run (or a restart racing us) may have made the very link we wanted.
        var now = probe.ReadTarget(spec);
        if (now.Kind == TargetKind.Symlink && now.LinksToSource)
        {
            return new AppliedLink(plan, "already linked" + cleaned, null);
        }

        return new AppliedLink(plan, "failed" + cleaned, Failure(spec, failure.Value));
    }

    private (string Step, NativeResult Result)? CreateLink(LinkSpec spec, string linkText)
    {
        var parents = writer.CreateDirectories(ContainerPath.Parent(spec.Target));
        if (!parents.Ok)
        {
            return ($"creating {ContainerPath.Parent(spec.Target)}", parents);
        }

        // symlink() at the final name never replaces anything that appeared since the snapshot (EEXIST instead).
        var made = writer.Symlink(linkText, spec.Target);
        return made.Ok ? null : ($"creating the symlink {spec.Target}", made);
    }

    private (string Step, NativeResult Result)? ReplaceLink(LinkSpec spec, string linkText)
    {
        var temp = $"{ContainerPath.Parent(spec.Target)}/{TemporaryPrefix(spec)}{processId}";
        var noLongerASymlink = ($"replacing {spec.Target} (it stopped being a symlink since it was examined; it was left as it is)", new NativeResult(Errno.EEXIST));
        var made = writer.Symlink(linkText, temp);
        if (made.Errno == Errno.EEXIST && writer.IsSymlink(temp))
        {
            // Left by a run that was killed; in a container every run has the same PID.
            writer.UnlinkFileOrSymlink(temp);
            made = writer.Symlink(linkText, temp);
        }

        if (made.Errno == Errno.EEXIST)
        {
            return ($"creating the temporary symlink {temp} (something that is not a symlink has that name; remove it)", made);
        }

        if (!made.Ok)
        {
            return ($"creating the temporary symlink {temp}", made);
        }

        // Swap the new link in atomically, then look at what came out: only a symlink may be thrown away. A plain
        // rename would replace a file that took the symlink's place since the snapshot.
        var swapped = writer.Exchange(temp, spec.Target);
        if (swapped.Ok)
        {
            if (writer.IsSymlink(temp))
            {
                writer.UnlinkFileOrSymlink(temp);
                return null;
            }

            var back = writer.Exchange(temp, spec.Target);
            if (!back.Ok)
            {
                return ($"{spec.Target} stopped being a symlink while it was replaced; what was there is now at {temp}, and putting it back", back);
            }

            writer.UnlinkFileOrSymlink(temp);
            return noLongerASymlink;
        }

        if (swapped.Errno == Errno.ENOENT && !writer.IsSymlink(spec.Target))
        {
            // TARGET went away meanwhile: put the link there, unless something else got there first.
            var moved = writer.RenameNoReplace(temp, spec.Target);
            if (moved.Errno is Errno.EINVAL or Errno.ENOSYS)
            {
                writer.UnlinkFileOrSymlink(temp);
                var direct = writer.Symlink(linkText, spec.Target);
                return direct.Ok ? null : ($"creating the symlink {spec.Target}", direct);
            }

            if (!moved.Ok)
            {
                writer.UnlinkFileOrSymlink(temp);
                return ($"renaming {temp} to {spec.Target}", moved);
            }

            return null;
        }

        if (swapped.Errno is Errno.EINVAL or Errno.ENOSYS)
        {
            // A filesystem without RENAME_EXCHANGE: rename() over what is still a symlink (it refuses a directory
            // and a mount point; the window for a file to appear is the time between these two calls).
            if (!writer.IsSymlink(spec.Target))
            {
                writer.UnlinkFileOrSymlink(temp);
                return noLongerASymlink;
            }

            var renamed = writer.Rename(temp, spec.Target);
            if (!renamed.Ok)
            {
                writer.UnlinkFileOrSymlink(temp);
                return ($"renaming {temp} over {spec.Target}", renamed);
            }

            return null;
        }

        writer.UnlinkFileOrSymlink(temp);
        return ($"swapping {temp} with {spec.Target}", swapped);
    }

    private (string Step, NativeResult Result)? ReplacePlaceholders(LinkPlan plan, string linkText)
    {
        var spec = plan.Spec;

        // Through a descriptor of the directory itself: never through a symlink swapped in, never on a mount, and
        // nothing at all when the directory holds anything but the placeholders seen in the snapshot.
        var removed = writer.RemovePlaceholders(spec.Target, plan.Snapshot.Target.Placeholders);
        if (!removed.Ok && removed.Errno != Errno.ENOENT)
        {
            var why = removed.Errno switch
            {
                Errno.ELOOP or Errno.ENOTDIR => " (it is no longer a directory; it changed since it was examined)",
                Errno.ENOTEMPTY => " (it now holds more than placeholders; nothing was removed)",
                Errno.EBUSY => " (it or a file in it is a mount point)",
                _ => "",
            };
            return ($"removing the placeholders of {spec.Target}{why}", removed);
        }

        // rmdir refuses a directory that is not empty, so a file that appeared since is never lost.
        var rmdir = writer.RemoveEmptyDirectory(spec.Target);
        if (!rmdir.Ok && rmdir.Errno != Errno.ENOENT)
        {
            return ($"removing the empty directory {spec.Target}", rmdir);
        }

        var made = writer.Symlink(linkText, spec.Target);
        return made.Ok ? null : ($"creating the symlink {spec.Target}", made);
    }

    /// <summary>The name of a temporary link, before the PID: hidden, beside TARGET, so a rename is atomic.</summary>
    private static string TemporaryPrefix(LinkSpec spec) => $".{ContainerPath.FileName(spec.Target)}.entrypoint-";

    private static Finding Failure(LinkSpec spec, (string Step, NativeResult Result) failed)
    {
        var (step, result) = failed;
        var hint = result.Errno switch
        {
            Errno.EROFS or Errno.EACCES or Errno.EPERM =>
                $"mount your code at {spec.Target} directly instead of {spec.Source}, or make {ContainerPath.Parent(spec.Target)} writable for the user running the entrypoint",
            Errno.ENOSPC => $"free space on the filesystem holding {ContainerPath.Parent(spec.Target)}",
            Errno.ENOTEMPTY or Errno.EEXIST or Errno.EISDIR or Errno.ENOTDIR or Errno.ELOOP =>
                $"{spec.Target} changed while the entrypoint was working; look at it, then restart the container",
            Errno.EBUSY => $"{spec.Target} or a file in it is a mount point; mount your code at one of {spec.Source} or {spec.Target}, not both",
            _ => null,
        };
        return Finding.Error("link-failed", spec.Target, $"could not link {spec.Target} to {spec.Source}: {step} failed: {result.Message}", hint);
    }
}
