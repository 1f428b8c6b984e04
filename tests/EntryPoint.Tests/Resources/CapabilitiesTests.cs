using EntryPoint.Core.Resources;

namespace EntryPoint.Tests.Resources;

public class CapabilitiesTests
{
    [Theory]
    [InlineData("CapEff:\t00000000a80425fb", Capabilities.SysRawio, false)] // Docker's default set
    [InlineData("CapEff:\t00000000a80625fb", Capabilities.SysRawio, true)] // --cap-add SYS_RAWIO
    [InlineData("CapEff:\t000001ffffffffff", Capabilities.SysRawio, true)] // --privileged
    [InlineData("CapEff:\t0000000000000000", Capabilities.SysRawio, false)] // a non-root user
    [InlineData("CapEff:\t00000000a80425fb", 0, true)] // CAP_CHOWN
    [InlineData("CapEff:\t00000000a80425fb", 21, false)] // CAP_SYS_ADMIN
    [InlineData("CapEff:\t00000000a80425fb", 64, false)]
    [InlineData("CapEff:\t00000000a80425fb", -1, false)]
    public void An_effective_bit_is_read_from_the_CapEff_line(string line, int bit, bool expected) =>
        Assert.Equal(expected, Capabilities.Parse(line).HasEffective(bit));

    [Fact]
    public void The_captured_status_with_sys_rawio_added_has_it_effective()
    {
        var caps = Capabilities.Read(Fixtures.Path("captured/caps-sys-rawio-gpiomem-memory-256m.txt"));

        Assert.NotNull(caps);
        Assert.True(caps.HasEffective(Capabilities.SysRawio));
        Assert.True(caps.HasPermitted(Capabilities.SysRawio));
        Assert.Equal(0UL, caps.Ambient);
    }

    [Theory]
    [InlineData("captured/cgroup-v1-memory-256m-cpus-1.5.txt")]
    [InlineData("captured/cgroup-v1-unlimited-default-caps.txt")]
    public void The_captured_default_capabilities_lack_sys_rawio(string fixture)
    {
        var caps = Capabilities.Read(Fixtures.Path(fixture));

        Assert.NotNull(caps);
        Assert.Equal(0xa80425fbUL, caps.Effective);
        Assert.Equal(0xa80425fbUL, caps.Bounding);
        Assert.False(caps.HasEffective(Capabilities.SysRawio));
    }

    [Fact]
    public void All_five_sets_are_read_and_other_status_lines_are_ignored()
    {
        const string status = "Name:\tnode\nUid:\t1000\t1000\t1000\t1000\nCapInh:\t0000000000000001\n"
            + "CapPrm:\t0000000000000002\nCapEff:\t0000000000000004\nCapBnd:\t0000000000000008\n"
            + "CapAmb:\t0000000000000010\nNoNewPrivs:\t0\n";

        Assert.Equal(new Capabilities(1, 2, 4, 8, 16), Capabilities.Parse(status));
    }

    [Theory]
    [InlineData("")]
    [InlineData("CapEff:\tzzzz")]
    [InlineData("CapEff")]
    public void Missing_or_garbled_lines_count_as_no_capabilities(string status) =>
        Assert.Equal(Capabilities.None, Capabilities.Parse(status));

    [Fact]
    public void An_unreadable_status_file_gives_null() =>
        Assert.Null(Capabilities.Read(Path.Combine(Path.GetTempPath(), "no-such-dir-entrypoint", "status")));

    [SkippableFact]
    public void This_process_status_file_parses()
    {
        Skip.IfNot(File.Exists(Capabilities.SelfStatusPath), "no /proc on this machine");

        Assert.NotNull(Capabilities.Read());
    }
}
