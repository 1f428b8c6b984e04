using EntryPoint.Core.Devices;
using EntryPoint.Core.Resources;
using EntryPoint.Core.Users;

namespace EntryPoint.Core.Launch;

/// <summary>What the app will be started with: who we are, the image's users, limits, capabilities and devices.</summary>
/// <param name="Devices">Probes of the required devices and of /dev/gpiomem, by container path.</param>
public sealed record LaunchSnapshot(
    uint CurrentUid,
    uint CurrentGid,
    IReadOnlyList<PasswdEntry> Passwd,
    IReadOnlyList<GroupEntry> Groups,
    ResourceLimits Limits,
    Capabilities? Capabilities,
    IReadOnlyList<DeviceProbe> Devices,
    string? NodeOptions);

/// <summary>
/// How the app is to be started. <see cref="DropTo"/> is the user to become (started as root with --user), or null
/// to stay as we are; <see cref="Identity"/> is who the app will be either way, for every permission check.
/// </summary>
public sealed record LaunchPlan(
    ResolvedUser? DropTo,
    AppIdentity Identity,
    string? UserName,
    IReadOnlyList<KeyValuePair<string, string>> EnvironmentOverrides,
    IReadOnlyList<Finding> Findings,
    ResourceLimits Limits,
    long? HeapMiB,
    IReadOnlyList<DeviceProbe> Devices,
    IReadOnlyList<string> RequiredDevices,
    bool? SysRawio);
