using EntryPoint.Core.Mounts;

namespace EntryPoint.Tests.Mounts;

public class MountInfoParserTests
{
    [Theory]
    // Seed option 3: a read-only bind mount at an intermediate mount point; the root is the host path.
    [InlineData("94 77 254:0 /home/pi/systemprompt-custom/mods /app/custom-modules ro,relatime - ext4 /dev/vda rw,discard,resv_strict,resuid=65534,resgid=65534",
        "/app/custom-modules", "/home/pi/systemprompt-custom/mods", true, "ext4", "/dev/vda", 0)]
    // Seed option 2: a read-write bind mount straight onto the runtime path.
    [InlineData("98 77 254:0 /home/pi/systemprompt-custom/direct /app/modules/custom rw,relatime - ext4 /dev/vda rw,discard,resv_strict,resuid=65534,resgid=65534",
        "/app/modules/custom", "/home/pi/systemprompt-custom/direct", false, "ext4", "/dev/vda", 0)]
    // Seed option 1: a named volume with the bind driver carries a master:N optional field.
    [InlineData("96 79 254:0 /home/pi/systemprompt-custom/mods /app/custom-modules ro,relatime master:3 - ext4 /dev/vda rw,discard",
        "/app/custom-modules", "/home/pi/systemprompt-custom/mods", true, "ext4", "/dev/vda", 1)]
    // Several optional fields, as on a host with shared subtrees.
    [InlineData("36 35 98:0 /mnt1 /mnt2 rw,noatime shared:1 master:2 propagate_from:3 unbindable - ext3 /dev/root rw,errors=continue",
        "/mnt2", "/mnt1", false, "ext3", "/dev/root", 4)]
    // A space in both paths, written by the kernel as \040.
    [InlineData(@"94 77 254:0 /home/pi/systemprompt-custom/my\040mods /app/custom\040modules ro,relatime - ext4 /dev/vda rw",
        "/app/custom modules", "/home/pi/systemprompt-custom/my mods", true, "ext4", "/dev/vda", 0)]
    // Tab, newline and backslash escapes.
    [InlineData(@"40 1 0:5 /a\011b\012c\134d /mnt/x rw - tmpfs tmpfs rw", "/mnt/x", "/a\tb\nc\\d", false, "tmpfs", "tmpfs", 0)]
    // An empty mount source: two spaces in a row.
    [InlineData("41 1 0:6 / /mnt/empty rw - tmpfs  rw,size=1k", "/mnt/empty", "/", false, "tmpfs", "", 0)]
    // Raw spaces in the superblock options, as 9p on WSL writes them.
    [InlineData("42 1 0:7 / /mnt/c rw,noatime - 9p drvfs rw,dirsync,aname=drvfs;path=C:\\;uid=0 extra words",
        "/mnt/c", "/", false, "9p", "drvfs", 0)]
    // '#' is written as \043 in the type and the source (and anywhere as any \ooo).
    [InlineData(@"60 1 0:50 / /mnt/h rw - fuse\043x src\043one rw", "/mnt/h", "/", false, "fuse#x", "src#one", 0)]
    // Zero optional fields, then unknown ones the kernel may add later.
    [InlineData("61 1 0:51 / /mnt/z rw - ext4 /dev/z rw", "/mnt/z", "/", false, "ext4", "/dev/z", 0)]
    [InlineData("62 1 0:52 / /mnt/u rw shared:7 future_tag:9 another - ext4 /dev/u rw", "/mnt/u", "/", false, "ext4", "/dev/u", 3)]
    // '-' inside names, and names that are just '-'.
    [InlineData("63 1 0:53 /a-b/- /mnt/-/x-y rw master:2 - ext-4 /dev/-sda- rw,a-b", "/mnt/-/x-y", "/a-b/-", false, "ext-4", "/dev/-sda-", 1)]
    // An empty source field, and an empty source with options that hold spaces (CIFS).
    [InlineData("64 1 0:54 / /mnt/e rw - tmpfs  rw", "/mnt/e", "/", false, "tmpfs", "", 0)]
    [InlineData(@"65 1 0:55 / /mnt/share rw - cifs //srv/share\040x rw,vers=3.0,user=a b,domain=c d", "/mnt/share", "/", false, "cifs", "//srv/share x", 0)]
    // Every escape the kernel writes, in the root and the mount point at once.
    [InlineData(@"66 1 0:56 /a\040b\011c\012d\134e /m\040n\134o rw - ext4 /dev/x rw", "/m n\\o", "/a b\tc\nd\\e", false, "ext4", "/dev/x", 0)]
    public void A_line_is_read_field_by_field(string line, string mountPoint, string root, bool readOnly, string fsType, string source, int optionalFields)
    {
        Assert.True(MountInfoParser.TryParseLine(line, out var entry));
        Assert.Equal(mountPoint, entry.MountPoint);
        Assert.Equal(root, entry.Root);
        Assert.Equal(readOnly, entry.ReadOnly);
        Assert.Equal(fsType, entry.FsType);
        Assert.Equal(source, entry.Source);
        Assert.Equal(optionalFields, entry.OptionalFields.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 ext3 /dev/root rw")] // no separator
    [InlineData("x 35 98:0 /mnt1 /mnt2 rw - ext3 /dev/root rw")] // id not a number
    [InlineData("36 35 98:0 /mnt1 /mnt2 rw -")] // nothing after the separator
    public void A_line_that_does_not_fit_is_skipped_without_throwing(string line)
    {
        Assert.False(MountInfoParser.TryParseLine(line, out _));
    }

    [Fact]
    public void A_superblock_option_named_like_the_separator_is_not_taken_for_it()
    {
        Assert.True(MountInfoParser.TryParseLine("50 1 0:9 / /m rw - fuse -src rw,opt - x", out var entry));
        Assert.Equal("fuse", entry.FsType);
        Assert.Equal("-src", entry.Source);
        Assert.Equal("rw,opt - x", entry.SuperOptions);
    }

    [Theory]
    [InlineData("/var/lib/docker/volumes/mi_named/_data", "mi_named", "volume mi_named")]
    [InlineData("/var/lib/docker/volumes/my-vol/_data/sub", "my-vol", "volume my-vol")]
    [InlineData("/home/pi/mods", null, "/home/pi/mods")]
    [InlineData("/var/lib/docker/volumes/broken", null, "/var/lib/docker/volumes/broken")]
    public void A_docker_volume_is_named_by_its_data_folder(string root, string? volume, string origin)
    {
        Assert.True(MountInfoParser.TryParseLine($"97 79 254:0 {root} /app/custom-mcp rw,relatime master:1 - ext4 /dev/vda rw", out var entry));
        Assert.Equal(volume, entry.VolumeName);
        Assert.Equal(origin, entry.Origin);
    }

    [Fact]
    public void A_bind_mount_whose_host_directory_was_deleted_is_reported()
    {
        Assert.True(MountInfoParser.TryParseLine("94 77 254:0 /home/pi/mods//deleted /app/custom-modules ro - ext4 /dev/vda rw", out var entry));
        Assert.True(entry.RootDeleted);
    }

    [Theory]
    [InlineData(@"\040", " ")]
    [InlineData(@"\043", "#")]
    [InlineData(@"a\134b", "a\\b")]
    [InlineData(@"\0", @"\0")] // too short to be an escape
    [InlineData(@"\999", @"\999")] // not octal
    [InlineData(@"\303\251", "é")] // UTF-8 bytes, escaped one by one
    [InlineData(@"tail\", @"tail\")]
    public void Any_octal_escape_is_decoded_to_its_byte(string field, string expected)
    {
        Assert.Equal(expected, MountInfoParser.Unescape(field));
    }

    [Fact]
    public void The_fixture_of_seed_options_2_and_3_shows_both_mounts()
    {
        var table = MountInfoParser.Parse(Fixtures.Text("captured/mountinfo/bind-ro-intermediate-and-rw-direct.txt"));

        var intermediate = table.At("/app/custom-modules");
        Assert.NotNull(intermediate);
        Assert.True(intermediate.ReadOnly);
        Assert.Equal("/home/pi/systemprompt-custom/mods", intermediate.Origin);

        var direct = table.At("/app/modules/custom");
        Assert.NotNull(direct);
        Assert.False(direct.ReadOnly);
        Assert.Null(table.At("/app/custom-mcp"));
    }

    [Fact]
    public void The_fixture_of_a_read_only_root_says_the_root_is_read_only_and_a_tmpfs_is_not()
    {
        var table = MountInfoParser.Parse(Fixtures.Text("captured/mountinfo/readonly-root-tmpfs-space-in-path.txt"));

        Assert.True(table.At("/")!.ReadOnly);
        Assert.Null(table.At("/app/server/mcp"));
        Assert.Equal("tmpfs", table.At("/app/modules")!.FsType);
        Assert.False(table.At("/app/modules")!.ReadOnly);
        Assert.NotNull(table.At("/app/custom modules"));
    }

    [Fact]
    public void The_fixture_of_seed_option_1_names_the_plain_volume()
    {
        var table = MountInfoParser.Parse(Fixtures.Text("captured/mountinfo/volume-bind-driver-and-named.txt"));

        Assert.Equal("volume mi_named", table.At("/app/custom-mcp")!.Origin);
        Assert.Equal("/home/pi/systemprompt-custom/mods", table.At("/app/custom-modules")!.Origin);
    }

    [Fact]
    public void Of_stacked_mounts_the_later_one_is_on_top()
    {
        var table = MountInfoParser.Parse("""
            1 0 0:1 / / rw - ext4 /dev/a rw
            2 1 0:2 /first /app/x ro - ext4 /dev/a rw
            3 1 0:3 /second /app/x rw - ext4 /dev/a rw
            """);

        Assert.Equal("/second", table.At("/app/x")!.Root);
    }

    [Fact]
    public void A_table_that_cannot_be_read_says_why_instead_of_throwing()
    {
        var table = MountInfoParser.Read("/nonexistent/mountinfo");
        Assert.Empty(table.Entries);
        Assert.Contains("/nonexistent/mountinfo", table.ReadError);
    }
}
