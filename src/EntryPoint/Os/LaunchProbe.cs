using EntryPoint.Core;
using EntryPoint.Core.Devices;
using EntryPoint.Core.Launch;
using EntryPoint.Core.Resources;
using EntryPoint.Core.Users;
using EntryPoint.Os.Native;

namespace EntryPoint.Os;

/// <summary>
/// Gathers the launch snapshot. The image's files (/etc/passwd, /etc/group, /dev) are read under --root; the
/// kernel's views of this process (cgroup limits, capabilities) are always the real ones.
/// </summary>
public sealed class LaunchProbe(string root, Func<string, string?> environment) : ILaunchSource
{
    public LaunchSnapshot Read(Settings settings)
    {
        var devices = new List<DeviceProbe>();
        foreach (var path in settings.RequiredDevices.Append(DeviceRules.GpioMem).Distinct())
        {
            var probe = Probe(path);
            if (probe.Exists || settings.RequiredDevices.Contains(path))
            {
                devices.Add(probe);
            }
        }

        return new LaunchSnapshot(
            Identity.EffectiveUid,
            Identity.EffectiveGid,
            Passwd.Read(ContainerPath.OnHost(root, Passwd.DefaultPath)),
            Group.Read(ContainerPath.OnHost(root, Group.DefaultPath)),
            CgroupLimits.Read(),
            Capabilities.Read(),
            devices,
            environment("NODE_OPTIONS"));
    }

    private DeviceProbe Probe(string path)
    {
        var (status, errno) = Statx.Stat(ContainerPath.OnHost(root, path));
        return errno != 0
            ? DeviceProbe.Missing(path)
            : new DeviceProbe(path, true, status.IsCharDevice, status.Permissions, status.Uid, status.Gid, status.RdevMajor, status.RdevMinor);
    }
}
