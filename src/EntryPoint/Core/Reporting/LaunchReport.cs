using System.Globalization;
using System.Text.Json;
using EntryPoint.Core.Launch;

namespace EntryPoint.Core.Reporting;

/// <summary>The user, resources and devices sections of the report, in JSON, text and one log line.</summary>
public static class LaunchReport
{
    private static string MiB(long bytes) => (bytes / 1024 / 1024).ToString(CultureInfo.InvariantCulture) + " MiB";

    public static string Summary(LaunchPlan plan)
    {
        var user = plan.DropTo is null ? $"app runs as {plan.Identity}" : $"app will run as {plan.Identity}";
        return $"{user}{(plan.UserName is null ? "" : $" ({plan.UserName})")}; {Resources(plan)}";
    }

    /// <summary>Memory, CPUs and heap in words: the log's summary line and the report's resources line.</summary>
    public static string Resources(LaunchPlan plan)
    {
        var limits = plan.Limits;
        var memory = limits.MemoryBytes is { } m ? MiB(m) : "no memory limit";
        var cpus = limits.Cpus is { } c ? c.ToString("0.##", CultureInfo.InvariantCulture) + " CPUs" : "no CPU limit";
        var heap = plan.HeapMiB is { } h ? $"Node heap {h} MiB" : "Node heap default";
        return $"{memory}, {cpus} (cgroup {limits.CgroupVersion}); {heap}";
    }

    public static void WriteJson(Utf8JsonWriter json, LaunchPlan plan)
    {
        json.WriteStartObject("user");
        json.WriteNumber("uid", plan.Identity.Uid);
        json.WriteNumber("gid", plan.Identity.Gid);
        json.WriteString("name", plan.UserName);
        json.WriteStartArray("groups");
        foreach (var group in plan.Identity.Groups)
        {
            json.WriteNumberValue(group);
        }

        json.WriteEndArray();
        json.WriteBoolean("drop_from_root", plan.DropTo is not null);
        json.WriteString("home", plan.DropTo?.Home);
        json.WriteEndObject();

        json.WriteStartObject("resources");
        json.WriteString("cgroup", plan.Limits.CgroupVersion);
        WriteNumberOrNull(json, "memory_limit_bytes", plan.Limits.MemoryBytes);
        if (plan.Limits.Cpus is { } cpus)
        {
            json.WriteNumber("cpus", cpus);
        }
        else
        {
            json.WriteNull("cpus");
        }

        WriteNumberOrNull(json, "node_heap_mib", plan.HeapMiB);
        json.WriteEndObject();

        json.WriteStartArray("devices");
        foreach (var device in plan.Devices)
        {
            json.WriteStartObject();
            json.WriteString("path", device.Path);
            json.WriteBoolean("required", plan.RequiredDevices.Contains(device.Path));
            json.WriteBoolean("exists", device.Exists);
            json.WriteBoolean("char_device", device.IsCharDevice);
            if (device.Exists)
            {
                json.WriteString("mode", device.Facts.OctalMode);
                json.WriteString("owner", $"{device.OwnerUid}:{device.OwnerGid}");
                json.WriteString("device_number", $"{device.Major}:{device.Minor}");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (plan.SysRawio is { } rawio)
        {
            json.WriteBoolean("cap_sys_rawio", rawio);
        }
        else
        {
            json.WriteNull("cap_sys_rawio");
        }
    }

    public static void WriteText(TextWriter output, LaunchPlan plan)
    {
        output.WriteLine();
        output.WriteLine($"user: {plan.Identity}{(plan.UserName is null ? "" : $" ({plan.UserName})")}, groups {string.Join(',', plan.Identity.Groups)}" +
                         (plan.DropTo is null ? "" : $", dropped to from root, HOME={plan.DropTo.Home}"));
        output.WriteLine($"resources: {Resources(plan)}");
        foreach (var device in plan.Devices)
        {
            var state = device.Exists ? $"{(device.IsCharDevice ? "char" : "not a char")} device {device.Major}:{device.Minor}, owner {device.OwnerUid}:{device.OwnerGid}, mode {device.Facts.OctalMode}" : "missing";
            output.WriteLine($"device {device.Path}{(plan.RequiredDevices.Contains(device.Path) ? " (required)" : "")}: {state}");
        }

        if (plan.SysRawio is { } rawio && plan.Devices.Any(d => d.Path == Devices.DeviceRules.GpioMem && d.Exists))
        {
            output.WriteLine($"CAP_SYS_RAWIO: {(rawio ? "effective" : "not effective")}");
        }
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
