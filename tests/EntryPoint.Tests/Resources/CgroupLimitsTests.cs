using EntryPoint.Core.Resources;

namespace EntryPoint.Tests.Resources;

public class CgroupLimitsTests
{
    [Theory]
    [InlineData("max\n", null)]
    [InlineData("268435456\n", 268435456L)]
    [InlineData("536870912", 536870912L)]
    [InlineData("", null)]
    [InlineData("garbage\n", null)]
    public void A_v2_memory_max_is_bytes_or_max_for_unlimited(string text, long? expected) =>
        Assert.Equal(expected, CgroupLimits.ParseV2MemoryMax(text));

    [Theory]
    [InlineData("max 100000\n", null)]
    [InlineData("150000 100000\n", 1.5)]
    [InlineData("200000 100000", 2.0)]
    [InlineData("50000 100000", 0.5)]
    [InlineData("100000 50000", 2.0)]
    [InlineData("150000", 1.5)]
    [InlineData("", null)]
    [InlineData("0 100000", null)]
    [InlineData("150000 0", null)]
    [InlineData("a b", null)]
    public void A_v2_cpu_max_is_quota_over_period(string text, double? expected) =>
        Assert.Equal(expected, CgroupLimits.ParseV2CpuMax(text));

    [Theory]
    [InlineData("268435456\n", 268435456L)]
    [InlineData("9223372036854771712\n", null)] // 4 KiB pages, captured from Docker
    [InlineData("9223372036854759424\n", null)] // 16 KiB pages (Raspberry Pi 5 kernel)
    [InlineData("9223372036854710272\n", null)] // 64 KiB pages
    [InlineData("9223372036854775807\n", null)]
    [InlineData("-1", null)]
    [InlineData("", null)]
    public void A_v1_memory_limit_near_2_to_the_63_means_unlimited(string text, long? expected) =>
        Assert.Equal(expected, CgroupLimits.ParseV1MemoryLimit(text));

    [Theory]
    [InlineData("150000\n", "100000\n", 1.5)]
    [InlineData("-1\n", "100000\n", null)]
    [InlineData("-1\n", null, null)]
    [InlineData("50000", "100000", 0.5)]
    [InlineData("150000", null, 1.5)]
    [InlineData("150000", "0", null)]
    public void A_v1_cfs_quota_of_minus_one_means_unlimited_otherwise_quota_over_period(
        string quota, string? period, double? expected) =>
        Assert.Equal(expected, CgroupLimits.ParseV1Cpu(quota, period));

    [Fact]
    public void A_v2_root_with_limits_reports_memory_cpus_and_version() =>
        Assert.Equal(
            new ResourceLimits(268435456, 1.5, "v2"),
            CgroupLimits.Read(Fixtures.Path("cgroup-v2/limited-256m-cpus-1.5")));

    [Fact]
    public void A_v2_root_without_limits_reports_nulls() =>
        Assert.Equal(
            new ResourceLimits(null, null, "v2"),
            CgroupLimits.Read(Fixtures.Path("cgroup-v2/unlimited")));

    [Fact]
    public void A_v2_root_with_only_a_memory_limit_reports_no_cpu_limit() =>
        Assert.Equal(
            new ResourceLimits(536870912, null, "v2"),
            CgroupLimits.Read(Fixtures.Path("cgroup-v2/memory-only-512m")));

    [Fact]
    public void A_v2_root_without_the_controller_files_reports_no_limits()
    {
        // The host's root cgroup (seen with --cgroupns=host) has cgroup.controllers but no memory.max or cpu.max.
        using var tree = new TempTree();
        tree.File("cgroup.controllers", "cpuset cpu io memory pids\n");

        Assert.Equal(new ResourceLimits(null, null, "v2"), CgroupLimits.Read(tree.Root));
    }

    [Theory]
    [InlineData("cpu")]
    [InlineData("cpu,cpuacct")]
    [InlineData("cpuacct,cpu")]
    public void A_v1_layout_captured_with_256m_and_1_5_cpus_is_read_from_any_cpu_directory_name(string cpuDir)
    {
        var lines = Fixtures.Lines("captured/cgroup-v1-memory-256m-cpus-1.5.txt");
        using var tree = new TempTree();
        tree.File("memory/memory.limit_in_bytes", lines[0] + "\n");
        tree.File($"{cpuDir}/cpu.cfs_quota_us", lines[1] + "\n");
        tree.File($"{cpuDir}/cpu.cfs_period_us", lines[2] + "\n");
        tree.Dir("cpuacct");

        Assert.Equal(new ResourceLimits(268435456, 1.5, "v1"), CgroupLimits.Read(tree.Root));
    }

    [Fact]
    public void A_v1_layout_captured_without_limits_reports_nulls()
    {
        var lines = Fixtures.Lines("captured/cgroup-v1-unlimited-default-caps.txt");
        using var tree = new TempTree();
        tree.File("memory/memory.limit_in_bytes", lines[0] + "\n");
        tree.File("cpu,cpuacct/cpu.cfs_quota_us", lines[1] + "\n");
        tree.File("cpu,cpuacct/cpu.cfs_period_us", "100000\n");

        Assert.Equal(new ResourceLimits(null, null, "v1"), CgroupLimits.Read(tree.Root));
    }

    [Fact]
    public void A_v1_layout_with_only_a_memory_controller_reports_no_cpu_limit()
    {
        using var tree = new TempTree();
        tree.File("memory/memory.limit_in_bytes", "268435456\n");

        Assert.Equal(new ResourceLimits(268435456, null, "v1"), CgroupLimits.Read(tree.Root));
    }

    [Fact]
    public void A_root_with_no_cgroup_files_reports_version_none()
    {
        using var tree = new TempTree();

        Assert.Equal(ResourceLimits.Unknown, CgroupLimits.Read(tree.Root));
        Assert.Equal("none", CgroupLimits.Read(Path.Combine(tree.Root, "does-not-exist")).CgroupVersion);
    }
}
