using EntryPoint.Core.Users;

namespace EntryPoint.Tests.Users;

public class PasswdGroupTests
{
    [Theory]
    [InlineData("root:x:0:0:root:/root:/bin/bash", "root", 0u, 0u, "/root", "/bin/bash")]
    [InlineData("node:x:1000:1000::/home/node:/bin/sh", "node", 1000u, 1000u, "/home/node", "/bin/sh")]
    [InlineData("nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin", "nobody", 65534u, 65534u, "/nonexistent", "/usr/sbin/nologin")]
    [InlineData("pi:x:1000:1000:,,,:/home/pi:/bin/bash\r", "pi", 1000u, 1000u, "/home/pi", "/bin/bash")]
    [InlineData("app:!:1001:1001:App User:/app:", "app", 1001u, 1001u, "/app", "")]
    public void A_passwd_line_gives_name_ids_home_and_shell(
        string line, string name, uint uid, uint gid, string home, string shell)
    {
        var entry = Assert.Single(Passwd.Parse(line));

        Assert.Equal((name, uid, gid, home, shell), (entry.Name, entry.Uid, entry.Gid, entry.Home, entry.Shell));
    }

    [Theory]
    [InlineData("")]
    [InlineData("# root:x:0:0:root:/root:/bin/bash")]
    [InlineData("+::::::")]
    [InlineData("+@netgroup")]
    [InlineData("node:x:1000:1000::/home/node")]
    [InlineData("node:x:1000:1000::/home/node:/bin/sh:extra")]
    [InlineData("node:x:abc:1000::/home/node:/bin/sh")]
    [InlineData("node:x:1000:-1::/home/node:/bin/sh")]
    [InlineData("node:x:4294967295:1000::/home/node:/bin/sh")]
    [InlineData("node:x:99999999999:1000::/home/node:/bin/sh")]
    [InlineData(":x:1000:1000::/home/node:/bin/sh")]
    public void A_comment_blank_or_malformed_passwd_line_is_skipped(string line) => Assert.Empty(Passwd.Parse(line));

    [Fact]
    public void Good_passwd_lines_around_bad_ones_are_kept_in_order()
    {
        var entries = Passwd.Parse("root:x:0:0:root:/root:/bin/sh\n\n# comment\nbroken line\nnode:x:1000:1000::/home/node:/bin/sh\n");

        Assert.Equal(["root", "node"], entries.Select(e => e.Name));
    }

    [Theory]
    [InlineData("gpio:x:997:pi,node", "gpio", 997u, new[] { "pi", "node" })]
    [InlineData("node:x:1000:", "node", 1000u, new string[0])]
    [InlineData("video:x:44:node\r", "video", 44u, new[] { "node" })]
    [InlineData("users:x:100:a,,b", "users", 100u, new[] { "a", "b" })]
    public void A_group_line_gives_name_gid_and_members(string line, string name, uint gid, string[] members)
    {
        var entry = Assert.Single(Group.Parse(line));

        Assert.Equal((name, gid), (entry.Name, entry.Gid));
        Assert.Equal(members, entry.Members);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# gpio:x:997:pi")]
    [InlineData("gpio:x:997")]
    [InlineData("gpio:x:997:pi:extra")]
    [InlineData("gpio:x:gpio:pi")]
    [InlineData("+:::")]
    public void A_comment_blank_or_malformed_group_line_is_skipped(string line) => Assert.Empty(Group.Parse(line));

    [Fact]
    public void A_missing_passwd_or_group_file_reads_as_empty()
    {
        using var tree = new TempTree();

        Assert.Empty(Passwd.Read(Path.Combine(tree.Root, "passwd")));
        Assert.Empty(Group.Read(Path.Combine(tree.Root, "group")));
    }

    [Fact]
    public void The_files_are_read_from_the_given_path()
    {
        using var tree = new TempTree();
        var passwd = tree.File("etc/passwd", "node:x:1000:1000::/home/node:/bin/sh\n");
        var group = tree.File("etc/group", "node:x:1000:\n");

        Assert.Equal("node", Assert.Single(Passwd.Read(passwd)).Name);
        Assert.Equal("node", Assert.Single(Group.Read(group)).Name);
    }
}
