using System.Globalization;
using EntryPoint.Core.Users;

namespace EntryPoint.Core.Devices;

/// <summary>
/// What stat() said about a device path. <see cref="Mode"/> may be the whole st_mode; only the permission bits are
/// used (<see cref="IsCharDevice"/> carries the type). Major and minor are for the report.
/// </summary>
public sealed record DeviceProbe(
    string Path, bool Exists, bool IsCharDevice, uint Mode, uint OwnerUid, uint OwnerGid, uint Major, uint Minor)
{
    public static DeviceProbe Missing(string path) => new(path, false, false, 0, 0, 0, 0, 0);

    internal FileFacts Facts => new(OwnerUid, OwnerGid, Mode, IsDirectory: false);

    internal string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"char {Major}:{Minor}, owner {OwnerUid}:{OwnerGid}, mode {Facts.OctalMode}");
}

/// <summary>Rules for devices the app needs (<c>--require-device</c>) and the Raspberry Pi's GPIO device.</summary>
public static class DeviceRules
{
    public const string GpioMem = "/dev/gpiomem";

    /// <summary>
    /// A required device must exist, be a character device, and be readable and writable by the app's user; each
    /// failure is an error that says how to pass the device in or grant access.
    /// </summary>
    /// <remarks>
    /// The mode is all that can be judged from stat(): the devices cgroup can still refuse the open when a device node
    /// is bind-mounted with <c>-v</c> instead of passed with <c>--device</c>, so the hints always point to
    /// <c>--device</c>.
    /// </remarks>
    public static IReadOnlyList<Finding> CheckRequired(DeviceProbe device, AppIdentity app)
    {
        var path = device.Path;
        var passIn = $"Pass it to the container: `docker run --device {path}`, or in compose `devices: [\"{path}:{path}\"]`.";

        if (!device.Exists)
        {
            return [Finding.Error(
                "device-missing",
                path,
                $"The required device {path} does not exist in the container.",
                passIn + " The host must have it too (on a Raspberry Pi, check `ls -l " + path + "` on the host).")];
        }

        if (!device.IsCharDevice)
        {
            // A -v of a device the host lacks makes Docker create an empty directory at the target, the usual cause.
            return [Finding.Error(
                "device-not-char",
                path,
                $"The required device {path} exists but is not a character device.",
                passIn + " Do not bind-mount it with -v: when the host has no such device, Docker creates a directory instead.")];
        }

        var facts = device.Facts;
        if (PermissionRules.CanRead(facts, app) && PermissionRules.CanWrite(facts, app))
        {
            return [];
        }

        var gid = device.OwnerGid.ToString(CultureInfo.InvariantCulture);
        return [Finding.Error(
            "device-not-accessible",
            path,
            $"The app, which runs as {app}, cannot read and write the required device {path} ({device.Describe()}).",
            $"Add the device's group to the app's user: `group_add: [\"{gid}\"]` in compose or `docker run --group-add {gid}`.")];
    }

    /// <summary>
    /// The info finding for a present /dev/gpiomem (null when it is absent), saying whether CAP_SYS_RAWIO is in the
    /// effective set: /dev/gpiomem itself needs no capability, but libraries that fall back to /dev/mem do.
    /// </summary>
    /// <param name="appIsRoot">Docker's --cap-add makes a capability effective only for root; for another user the
    /// advice is to run the app as root, not to add the capability again.</param>
    public static Finding? ReportGpioMem(DeviceProbe device, bool sysRawioEffective, bool appIsRoot = true)
    {
        if (!device.Exists)
        {
            return null;
        }

        var kind = device.IsCharDevice ? device.Describe() : "not a character device";
        var caps = sysRawioEffective
            ? "CAP_SYS_RAWIO is in the effective capability set"
            : "CAP_SYS_RAWIO is not in the effective capability set";
        return Finding.Info(
            "gpiomem",
            device.Path,
            $"{device.Path} is present ({kind}); {caps}.",
            sysRawioEffective ? null
            : appIsRoot ? "Only libraries that fall back to /dev/mem need it: `cap_add: [SYS_RAWIO]` in compose."
            : "Only libraries that fall back to /dev/mem need it, and a capability added with `cap_add` is effective only for root: run the app as root (no ENTRYPOINT_USER, user: \"0:0\") if it needs /dev/mem.");
    }
}
