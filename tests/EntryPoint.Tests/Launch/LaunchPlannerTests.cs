using EntryPoint.Core;
using EntryPoint.Core.Devices;
using EntryPoint.Core.Launch;
using EntryPoint.Core.Linking;
using EntryPoint.Core.Mounts;
using EntryPoint.Core.Resources;
using EntryPoint.Core.Users;

namespace EntryPoint.Tests.Launch;

public class LaunchPlannerTests
{
    private static readonly PasswdEntry[] Passwd =
    [
        new("root", 0, 0, "", "/root", "/bin/sh"),
        new("app", 1001, 1001, "", "/home/app", "/bin/sh"),
    ];

    private static readonly GroupEntry[] Groups = [new("root", 0, []), new("app", 1001, []), new("gpio", 997, ["app"])];

    private static LaunchSnapshot System(uint uid = 0, uint gid = 0, long? memory = null, string? nodeOptions = null, params DeviceProbe[] devices) =>
        new(uid, gid, Passwd, Groups, new ResourceLimits(memory, null, "v2"), new Capabilities(0, 0, 1UL << 17, 0, 0), devices, nodeOptions);

    private static Settings Settings(string? user = null, string[]? devices = null, bool heapAuto = false) => new()
    {
        Links = LinkSpecParser.Defaults,
        User = user is null ? null : UserSpec.Parse(user).Value,
        RequiredDevices = devices ?? [],
        NodeHeapAuto = heapAuto,
    };

    private static Plan LinksWithSource(FileFacts facts, bool readOnlyMount = true)
    {
        var mount = new MountEntry(90, 1, "254:0", "/home/pi/mods", "/app/custom-modules", readOnlyMount ? "ro" : "rw", [], "ext4", "/dev/vda", "rw");
        var source = new SourceState(SourceKind.Directory, new Inventory(1, [new("weather", EntryKind.Directory, true)]), mount, null, facts);
        var target = new TargetState(TargetKind.Missing, null, false, false, null, [], [], null, null);
        return Planner.Plan(new Snapshot([new LinkSnapshot(LinkSpecParser.Defaults[0], source, target)], null), diagnose: false);
    }

    private static readonly Plan NoLinks = new([], []);

    private static readonly DeviceProbe GpioMem = new("/dev/gpiomem", true, true, 0x1B6 /* 0666 */, 0, 0, 1, 3);

    [Fact]
    public void Started_as_root_with_a_user_name_the_app_is_dropped_to_it_with_its_groups_and_home()
    {
        var plan = LaunchPlanner.Plan(Settings("app"), System(), NoLinks);
        Assert.NotNull(plan.DropTo);
        Assert.Equal((1001u, 1001u), (plan.DropTo.Uid, plan.DropTo.Gid));
        Assert.Contains(997u, plan.DropTo.SupplementaryGids);
        Assert.Contains(new KeyValuePair<string, string>("HOME", "/home/app"), plan.EnvironmentOverrides);
        Assert.Equal(1001u, plan.Identity.Uid);
    }

    [Fact]
    public void Without_a_user_the_app_runs_as_the_container_started()
    {
        var plan = LaunchPlanner.Plan(Settings(), System(uid: 1001, gid: 1001), NoLinks);
        Assert.Null(plan.DropTo);
        Assert.Equal("1001:1001", plan.Identity.ToString());
        Assert.Equal("app", plan.UserName);
    }

    [Fact]
    public void Started_as_another_user_a_different_user_is_a_clear_error()
    {
        var plan = LaunchPlanner.Plan(Settings("1000:1000"), System(uid: 1001, gid: 1001), NoLinks);
        var error = Assert.Single(plan.Findings, f => f.Severity == Severity.Error);
        Assert.Equal("user-mismatch", error.Code);
        Assert.Contains("1001:1001", error.Message);
        Assert.Null(plan.DropTo);
    }

    [Fact]
    public void Started_as_the_same_user_nothing_is_dropped_and_nothing_is_wrong()
    {
        var plan = LaunchPlanner.Plan(Settings("app"), System(uid: 1001, gid: 1001), NoLinks);
        Assert.Null(plan.DropTo);
        Assert.DoesNotContain(plan.Findings, f => f.Severity == Severity.Error);
    }

    [Fact]
    public void An_unknown_user_name_is_an_error()
    {
        var plan = LaunchPlanner.Plan(Settings("nobody-here"), System(), NoLinks);
        Assert.Contains(plan.Findings, f => f is { Severity: Severity.Error, Code: "user-unknown" });
    }

    [Fact]
    public void Custom_code_the_app_user_cannot_read_is_an_error_with_the_numbers_and_the_fixes()
    {
        var plan = LaunchPlanner.Plan(Settings("1001:1001"), System(), LinksWithSource(new FileFacts(1000, 1000, 0x1C0 /* 0700 */, true)));
        var error = Assert.Single(plan.Findings, f => f.Severity == Severity.Error);
        Assert.Equal("source-not-readable", error.Code);
        Assert.Contains("1000:1000", error.Message);
        Assert.Contains("0700", error.Message);
        Assert.Contains("1001:1001", error.Message);
        Assert.Contains("chmod -R 755 /home/pi/mods", error.Hint);
        Assert.Contains("DOCKER_USER=1000", error.Hint);
    }

    [Fact]
    public void Custom_code_the_app_user_can_write_is_a_warning()
    {
        var plan = LaunchPlanner.Plan(Settings("1001:1001"), System(), LinksWithSource(new FileFacts(1001, 1001, 0x1ED /* 0755 */, true), readOnlyMount: false));
        Assert.Contains(plan.Findings, f => f is { Severity: Severity.Warning, Code: "source-writable-by-app" });
    }

    [Fact]
    public void A_missing_required_device_is_an_error()
    {
        var plan = LaunchPlanner.Plan(Settings(devices: ["/dev/gpiomem"]), System(), NoLinks);
        Assert.Contains(plan.Findings, f => f is { Severity: Severity.Error, Code: "device-missing" });
    }

    [Fact]
    public void A_present_gpiomem_is_reported_with_cap_sys_rawio()
    {
        var plan = LaunchPlanner.Plan(Settings(), System(devices: GpioMem), NoLinks);
        Assert.True(plan.SysRawio);
        Assert.Contains(plan.Findings, f => f.Code == "gpiomem" && f.Message.Contains("SYS_RAWIO"));
    }

    [Fact]
    public void A_heap_larger_than_the_memory_limit_is_a_warning_with_both_numbers()
    {
        var plan = LaunchPlanner.Plan(Settings(), System(memory: 256L << 20, nodeOptions: "--max-old-space-size=512"), NoLinks);
        var warning = Assert.Single(plan.Findings, f => f.Code == "node-heap-too-large");
        Assert.Contains("512", warning.Message);
        Assert.Contains("256", warning.Message);
    }

    [Fact]
    public void Auto_heap_sets_node_options_from_the_limit()
    {
        var plan = LaunchPlanner.Plan(Settings(heapAuto: true), System(memory: 1024L << 20, nodeOptions: "--enable-source-maps"), NoLinks);
        var nodeOptions = Assert.Single(plan.EnvironmentOverrides, kv => kv.Key == "NODE_OPTIONS").Value;
        Assert.Contains("--enable-source-maps", nodeOptions);
        Assert.Contains("--max-old-space-size=768", nodeOptions);
    }

    [Fact]
    public void Cap_sys_rawio_is_the_apps_so_a_dropped_user_has_none_of_ours()
    {
        var plan = LaunchPlanner.Plan(Settings("app"), System(devices: GpioMem), NoLinks);
        Assert.False(plan.SysRawio);
        Assert.Contains(plan.Findings, f => f.Code == "gpiomem" && f.Hint!.Contains("only for root"));
    }

    [Fact]
    public void User_errors_name_the_user_as_it_was_written()
    {
        var mismatch = LaunchPlanner.Plan(Settings("1000:1000"), System(uid: 1001, gid: 1001), NoLinks).Findings.Single(f => f.Code == "user-mismatch");
        Assert.Contains("--user 1000:1000", mismatch.Message);
        Assert.DoesNotContain("UserSpec", mismatch.Message + mismatch.Hint);
        Assert.Contains("--user 0:0", mismatch.Hint);

        var unknown = LaunchPlanner.Plan(Settings("nosuchuser"), System(), NoLinks).Findings.Single(f => f.Code == "user-unknown");
        Assert.Contains("--user nosuchuser:", unknown.Message);
    }
}
