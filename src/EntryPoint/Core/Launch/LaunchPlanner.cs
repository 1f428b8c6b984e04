using EntryPoint.Core.Devices;
using EntryPoint.Core.Linking;
using EntryPoint.Core.Resources;
using EntryPoint.Core.Users;

namespace EntryPoint.Core.Launch;

/// <summary>
/// The seed's "Permission Issues", "GPIO Access" and "Memory Optimization" checks as a pure function: the user the
/// app will run as, whether it can read its custom code, its devices, and whether its heap fits the memory limit.
/// </summary>
public static class LaunchPlanner
{
    public static LaunchPlan Plan(Settings settings, LaunchSnapshot system, Plan links)
    {
        var findings = new List<Finding>();
        var env = new List<KeyValuePair<string, string>>();
        var current = new AppIdentity(system.CurrentUid, system.CurrentGid, [system.CurrentGid]);
        var (dropTo, identity, name) = ResolveUser(settings, system, current, findings);
        if (dropTo is not null)
        {
            env.Add(new("HOME", dropTo.Home));
        }

        foreach (var link in links.Links)
        {
            CheckCustomCode(link, identity, findings);
        }

        foreach (var path in settings.RequiredDevices)
        {
            var probe = system.Devices.FirstOrDefault(d => d.Path == path) ?? DeviceProbe.Missing(path);
            findings.AddRange(DeviceRules.CheckRequired(probe, identity));
        }

        var gpio = system.Devices.FirstOrDefault(d => d.Path == DeviceRules.GpioMem);
        // The app's capabilities, not ours: after execve a non-root user keeps only the ambient set.
        var rawio = system.Capabilities is not { } caps ? (bool?)null
            : identity.IsRoot ? caps.HasEffective(Capabilities.SysRawio)
            : caps.HasAmbient(Capabilities.SysRawio);
        if (gpio is not null && DeviceRules.ReportGpioMem(gpio, rawio ?? false, identity.IsRoot) is { } gpioFinding)
        {
            findings.Add(gpioFinding);
        }

        var heap = NodeHeap.Evaluate(system.NodeOptions, settings.NodeHeapAuto, system.Limits.MemoryBytes);
        findings.AddRange(heap.Findings);
        if (heap.NewNodeOptions is { } nodeOptions)
        {
            env.Add(new("NODE_OPTIONS", nodeOptions));
        }

        return new LaunchPlan(dropTo, identity, name, env, findings, system.Limits, heap.HeapMiB, system.Devices, settings.RequiredDevices, rawio);
    }

    private static (ResolvedUser? DropTo, AppIdentity Identity, string? Name) ResolveUser(
        Settings settings, LaunchSnapshot system, AppIdentity current, List<Finding> findings)
    {
        var currentName = system.Passwd.FirstOrDefault(p => p.Uid == current.Uid)?.Name;
        if (settings.User is null)
        {
            return (null, current, currentName);
        }

        var resolved = settings.User.Resolve(system.Passwd, system.Groups);
        if (!resolved.IsOk)
        {
            findings.Add(Finding.Usage("user-unknown", "/etc/passwd", $"--user {settings.User}: {resolved.Error}",
                "add the user to the image (e.g. useradd in the Dockerfile), or give numbers: --user 1001:1001"));
            return (null, current, currentName);
        }

        var user = resolved.Value;
        if (current.Uid == 0)
        {
            return (user, user.Identity, user.Name);
        }

        if (user.Uid != current.Uid || (settings.User.Group is not null && user.Gid != current.Gid))
        {
            findings.Add(Finding.Error("user-mismatch", null,
                $"the container was started as {current} and cannot become {user.Uid}:{user.Gid} (--user {settings.User}); only root can change user",
                $"start the container as root (docker run --user 0:0, or user: \"0:0\" in compose) so the entrypoint can prepare and then drop to {settings.User}, " +
                $"or set ENTRYPOINT_USER to {current.Uid}:{current.Gid}"));
            return (null, current, currentName);
        }

        return (null, current with { Groups = user.SupplementaryGids }, user.Name);
    }

    private static void CheckCustomCode(LinkPlan link, AppIdentity app, List<Finding> findings)
    {
        var snapshot = link.Snapshot;
        if (link.Mode == LinkMode.BindMount && snapshot.Target.MountedInventory?.Total > 0 && snapshot.Target.Facts is { } target)
        {
            var mount = snapshot.Target.Mount;
            findings.AddRange(PermissionRules.CheckSource(link.Spec.Target, target, app, HostPath(mount), mount?.ReadOnly ?? false));
        }
        // An unlistable SOURCE too: started as the app's user, "cannot be listed" is this very problem, and the
        // operator needs its owner, mode and the two fixes, not just the errno.
        else if ((snapshot.Source.HasCustomCode || snapshot.Source.Kind == SourceKind.Unreadable) && snapshot.Source.Facts is { } source)
        {
            var mount = snapshot.Source.Mount;
            findings.AddRange(PermissionRules.CheckSource(link.Spec.Source, source, app, HostPath(mount), mount?.ReadOnly ?? false));
        }
    }

    /// <summary>The host path of a bind mount, for the chmod in a hint; null for volumes and the image's own files.</summary>
    private static string? HostPath(Mounts.MountEntry? mount) =>
        mount is { VolumeName: null } && mount.Root != "/" ? mount.Root : null;
}
