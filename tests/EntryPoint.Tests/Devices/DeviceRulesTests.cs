using System.Globalization;
using EntryPoint.Core;
using EntryPoint.Core.Devices;
using EntryPoint.Core.Resources;
using EntryPoint.Core.Users;

namespace EntryPoint.Tests.Devices;

public class DeviceRulesTests
{
    private static readonly AppIdentity Node = new(1000, 1000, [1000]);
    private static readonly AppIdentity NodeInGpio = new(1000, 1000, [1000, 997]);
    private static readonly AppIdentity Root = new(0, 0, [0]);

    // The line `ls -ln` printed in the container started with --device /dev/null:/dev/gpiomem --cap-add SYS_RAWIO.
    private static DeviceProbe CapturedGpioMem()
    {
        var line = Fixtures.Lines("captured/caps-sys-rawio-gpiomem-memory-256m.txt").Single(l => l.EndsWith("/dev/gpiomem", StringComparison.Ordinal));
        return Device(line);
    }

    [Fact]
    public void The_captured_gpiomem_is_a_char_device_the_app_can_use()
    {
        var probe = CapturedGpioMem();

        Assert.Equal(new DeviceProbe("/dev/gpiomem", true, true, Convert.ToUInt32("0666", 8), 0, 0, 1, 3), probe);
        Assert.Empty(DeviceRules.CheckRequired(probe, Node));
    }

    [Fact]
    public void The_captured_gpiomem_is_reported_with_sys_rawio_effective()
    {
        var caps = Capabilities.Read(Fixtures.Path("captured/caps-sys-rawio-gpiomem-memory-256m.txt"))!;

        var info = DeviceRules.ReportGpioMem(CapturedGpioMem(), caps.HasEffective(Capabilities.SysRawio));

        Assert.NotNull(info);
        Assert.Equal((Severity.Info, "gpiomem", "/dev/gpiomem"), (info.Severity, info.Code, info.Path));
        Assert.Contains("char 1:3, owner 0:0, mode 0666", info.Message, StringComparison.Ordinal);
        Assert.Contains("CAP_SYS_RAWIO is in the effective", info.Message, StringComparison.Ordinal);
        Assert.Null(info.Hint);
    }

    [Fact]
    public void A_gpiomem_without_sys_rawio_says_so_and_how_to_add_it()
    {
        var info = DeviceRules.ReportGpioMem(Device("crw-rw---- 1 0 997 246, 0 /dev/gpiomem"), sysRawioEffective: false)!;

        Assert.Contains("CAP_SYS_RAWIO is not in the effective", info.Message, StringComparison.Ordinal);
        Assert.Contains("SYS_RAWIO", info.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void An_absent_gpiomem_is_not_reported() =>
        Assert.Null(DeviceRules.ReportGpioMem(DeviceProbe.Missing("/dev/gpiomem"), sysRawioEffective: true));

    [Fact]
    public void A_missing_required_device_is_an_error_with_docker_run_and_compose_fixes()
    {
        var error = Assert.Single(DeviceRules.CheckRequired(DeviceProbe.Missing("/dev/gpiomem"), Node));

        Assert.Equal((Severity.Error, "device-missing", "/dev/gpiomem"), (error.Severity, error.Code, error.Path));
        Assert.Contains("/dev/gpiomem", error.Message, StringComparison.Ordinal);
        Assert.Contains("--device /dev/gpiomem", error.Hint, StringComparison.Ordinal);
        Assert.Contains("devices: [\"/dev/gpiomem:/dev/gpiomem\"]", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_required_device_that_is_a_directory_is_an_error_blaming_the_bind_mount()
    {
        var error = Assert.Single(DeviceRules.CheckRequired(Device("drwxr-xr-x 2 0 0 4096 /dev/gpiomem"), Node));

        Assert.Equal("device-not-char", error.Code);
        Assert.Contains("not a character device", error.Message, StringComparison.Ordinal);
        Assert.Contains("--device /dev/gpiomem", error.Hint, StringComparison.Ordinal);
        Assert.Contains("-v", error.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("crw-rw---- 1 0 997 246, 0 /dev/gpiomem", false)] // Raspberry Pi OS: root:gpio 0660
    [InlineData("crw-r--r-- 1 0 997 246, 0 /dev/gpiomem", false)]
    [InlineData("crw-rw-rw- 1 0 0 1, 3 /dev/gpiomem", true)]
    [InlineData("crw------- 1 1000 1000 246, 0 /dev/gpiomem", true)]
    [InlineData("crw-rw---- 1 0 20 166, 0 /dev/ttyACM0", false)] // dialout
    public void A_required_device_must_be_readable_and_writable_by_the_app_user(string lsLine, bool ok) =>
        Assert.Equal(ok, DeviceRules.CheckRequired(Device(lsLine), Node).Count == 0);

    [Fact]
    public void A_member_of_the_device_group_can_use_it() =>
        Assert.Empty(DeviceRules.CheckRequired(Device("crw-rw---- 1 0 997 246, 0 /dev/gpiomem"), NodeInGpio));

    [Fact]
    public void Root_can_use_any_device_node_by_its_mode() =>
        Assert.Empty(DeviceRules.CheckRequired(Device("crw------- 1 0 0 246, 0 /dev/gpiomem"), Root));

    [Fact]
    public void An_inaccessible_device_is_an_error_naming_ids_mode_and_the_group_to_add()
    {
        var error = Assert.Single(DeviceRules.CheckRequired(Device("crw-rw---- 1 0 997 246, 0 /dev/gpiomem"), Node));

        Assert.Equal((Severity.Error, "device-not-accessible"), (error.Severity, error.Code));
        Assert.Contains("runs as 1000:1000", error.Message, StringComparison.Ordinal);
        Assert.Contains("char 246:0, owner 0:997, mode 0660", error.Message, StringComparison.Ordinal);
        Assert.Contains("group_add: [\"997\"]", error.Hint, StringComparison.Ordinal);
        Assert.Contains("--group-add 997", error.Hint, StringComparison.Ordinal);
    }

    // Builds a probe from an `ls -ln` line: "crw-rw-rw-  1 0  0  1,   3 [date] /dev/gpiomem" (date optional).
    private static DeviceProbe Device(string line)
    {
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var perms = fields[0];
        uint mode = 0;
        for (var i = 1; i <= 9; i++)
        {
            mode = (mode << 1) | (perms[i] == '-' ? 0u : 1u);
        }

        var isChar = perms[0] == 'c';
        var major = isChar ? uint.Parse(fields[4].TrimEnd(','), CultureInfo.InvariantCulture) : 0;
        var minor = isChar ? uint.Parse(fields[5], CultureInfo.InvariantCulture) : 0;
        return new DeviceProbe(
            fields[^1], true, isChar, mode,
            uint.Parse(fields[2], CultureInfo.InvariantCulture),
            uint.Parse(fields[3], CultureInfo.InvariantCulture),
            major, minor);
    }
}
