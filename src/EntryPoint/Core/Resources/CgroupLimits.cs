using System.Globalization;

namespace EntryPoint.Core.Resources;

/// <summary>
/// The container's limits as the kernel enforces them. A null means "no limit" (or the file was not there to
/// say otherwise); <see cref="CgroupVersion"/> is "v2", "v1" or "none" so the report can tell the two apart.
/// </summary>
public sealed record ResourceLimits(long? MemoryBytes, double? Cpus, string CgroupVersion)
{
    public static readonly ResourceLimits Unknown = new(null, null, CgroupLimits.VersionNone);
}

/// <summary>
/// Reads memory and CPU limits from a cgroup filesystem root. It takes the root as a parameter so tests (and
/// <c>--root</c>) can point it at a laid-out directory instead of the live <c>/sys/fs/cgroup</c>.
/// </summary>
/// <remarks>
/// Only the container's own cgroup is read: with a private cgroup namespace (Docker's default on v2 hosts, and the
/// usual bind of <c>/docker/ID</c> on v1) that is what is mounted at the root. With <c>--cgroupns=host</c> on v2 the
/// root is the host's root cgroup, which has no <c>memory.max</c>, so the result is "no limit found".
/// </remarks>
public static class CgroupLimits
{
    public const string DefaultRoot = "/sys/fs/cgroup";

    public const string VersionV2 = "v2";
    public const string VersionV1 = "v1";
    public const string VersionNone = "none";

    // The kernel's own default for cpu.max when only $MAX is written.
    private const long DefaultCfsPeriodMicros = 100_000;

    // v1 reports "no limit" as PAGE_COUNTER_MAX * PAGE_SIZE, i.e. long.MaxValue rounded down to the page size, so the
    // exact number depends on the kernel's page size: 9223372036854771712 (4 KiB), 9223372036854759424 (16 KiB, the
    // Raspberry Pi 5 kernel), 9223372036854710272 (64 KiB). No machine has anywhere near 2^62 bytes (4 EiB), so
    // anything at or above that is "unlimited" whatever the page size.
    private const ulong V1UnlimitedThreshold = 1UL << 62;

    // v1 can mount cpu alone or co-mounted with cpuacct; Docker and systemd name the combined one either way round.
    private static readonly string[] V1CpuDirectories = ["cpu", "cpu,cpuacct", "cpuacct,cpu"];

    /// <summary>Reads the limits under <paramref name="root"/>; never throws for a missing or unreadable file.</summary>
    public static ResourceLimits Read(string root = DefaultRoot)
    {
        // "cgroup.controllers ... exists on all cgroups" in v2 and never in v1, so it is the one reliable tell.
        if (File.Exists(Path.Combine(root, "cgroup.controllers")))
        {
            return new ResourceLimits(
                ParseV2MemoryMax(ReadOrNull(Path.Combine(root, "memory.max"))),
                ParseV2CpuMax(ReadOrNull(Path.Combine(root, "cpu.max"))),
                VersionV2);
        }

        var memoryDir = Path.Combine(root, "memory");
        var cpuDir = V1CpuDirectories.Select(d => Path.Combine(root, d)).FirstOrDefault(Directory.Exists);
        if (!Directory.Exists(memoryDir) && cpuDir is null)
        {
            return ResourceLimits.Unknown;
        }

        var memory = ParseV1MemoryLimit(ReadOrNull(Path.Combine(memoryDir, "memory.limit_in_bytes")));
        var cpus = cpuDir is null
            ? null
            : ParseV1Cpu(
                ReadOrNull(Path.Combine(cpuDir, "cpu.cfs_quota_us")),
                ReadOrNull(Path.Combine(cpuDir, "cpu.cfs_period_us")));
        return new ResourceLimits(memory, cpus, VersionV1);
    }

    /// <summary>
    /// v2 <c>memory.max</c>: a single value, either the word <c>max</c> or a byte count, e.g. <c>max</c> or
    /// <c>268435456</c>. Returns null for <c>max</c> and for anything it cannot read.
    /// </summary>
    public static long? ParseV2MemoryMax(string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value) || value == "max")
        {
            return null;
        }

        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) ? bytes : null;
    }

    /// <summary>
    /// v2 <c>cpu.max</c>: <c>$MAX $PERIOD</c> in microseconds, e.g. <c>max 100000</c> (no limit) or
    /// <c>150000 100000</c> (1.5 CPUs). Returns the number of CPUs, or null for no limit or unreadable text.
    /// </summary>
    public static double? ParseV2CpuMax(string? text)
    {
        var parts = (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is 0 or > 2 || parts[0] == "max")
        {
            return null;
        }

        if (!TryParsePositive(parts[0], out var quota))
        {
            return null;
        }

        var period = DefaultCfsPeriodMicros;
        if (parts.Length == 2 && !TryParsePositive(parts[1], out period))
        {
            return null;
        }

        return (double)quota / period;
    }

    /// <summary>
    /// v1 <c>memory.limit_in_bytes</c>: a byte count, e.g. <c>268435456</c>; "no limit" is a number near 2^63 such as
    /// <c>9223372036854771712</c>. Returns null for no limit or unreadable text.
    /// </summary>
    public static long? ParseV1MemoryLimit(string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value) || value == "-1")
        {
            return null;
        }

        if (!ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes)
            || bytes >= V1UnlimitedThreshold)
        {
            return null;
        }

        return (long)bytes;
    }

    /// <summary>
    /// v1 <c>cpu.cfs_quota_us</c> (microseconds per period, <c>-1</c> for no limit, e.g. <c>150000</c>) over
    /// <c>cpu.cfs_period_us</c> (e.g. <c>100000</c>). Returns the number of CPUs, or null for no limit.
    /// </summary>
    public static double? ParseV1Cpu(string? quotaText, string? periodText)
    {
        var quotaValue = quotaText?.Trim();
        if (string.IsNullOrEmpty(quotaValue) || !TryParsePositive(quotaValue, out var quota))
        {
            // -1 is the kernel's "no limit"; anything else unreadable is treated the same rather than guessed at.
            return null;
        }

        var period = DefaultCfsPeriodMicros;
        var periodValue = periodText?.Trim();
        if (!string.IsNullOrEmpty(periodValue) && !TryParsePositive(periodValue, out period))
        {
            return null;
        }

        return (double)quota / period;
    }

    private static bool TryParsePositive(string text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;

    private static string? ReadOrNull(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A missing controller file means the controller is not enabled for this cgroup: no limit to report.
            return null;
        }
    }
}
