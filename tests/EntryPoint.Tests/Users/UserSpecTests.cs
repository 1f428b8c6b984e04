using EntryPoint.Core.Users;

namespace EntryPoint.Tests.Users;

public class UserSpecTests
{
    // What a node:bookworm-slim image ships, plus a gpio group as on Raspberry Pi OS.
    private static readonly IReadOnlyList<PasswdEntry> PasswdFile = Passwd.Parse("""
        root:x:0:0:root:/root:/bin/bash
        daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
        nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
        node:x:1000:1000::/home/node:/bin/bash
        nohome:x:1002:1002:::/bin/sh
        """);

    private static readonly IReadOnlyList<GroupEntry> GroupFile = Group.Parse("""
        root:x:0:
        daemon:x:1:
        video:x:44:node
        staff:x:50:
        nogroup:x:65534:
        node:x:1000:
        gpio:x:997:pi,node
        i2c:x:998:node
        """);

    [Theory]
    [InlineData("node", "node", null)]
    [InlineData("node:gpio", "node", "gpio")]
    [InlineData("1000", "1000", null)]
    [InlineData("1000:997", "1000", "997")]
    [InlineData("www-data:www-data", "www-data", "www-data")]
    [InlineData("machine$", "machine$", null)]
    [InlineData("0:0", "0", "0")]
    public void A_user_spec_splits_into_user_and_optional_group(string text, string user, string? group)
    {
        var result = UserSpec.Parse(text);

        Assert.True(result.IsOk, result.Error);
        Assert.Equal(new UserSpec(user, group), result.Value);
    }

    [Theory]
    [InlineData(null, "it is empty")]
    [InlineData("", "it is empty")]
    [InlineData("   ", "it is empty")]
    [InlineData("a:b:c", "more than one ':'")]
    [InlineData(":1000", "the user is empty")]
    [InlineData("node:", "the group is empty")]
    [InlineData("-1", "'-1' is not a user name or number")]
    [InlineData("1000:-1", "'-1' is not a group name or number")]
    [InlineData("4294967295", "the user id 4294967295 is out of range")]
    [InlineData("99999999999", "out of range")]
    [InlineData("no de", "not a user name")]
    [InlineData("node:gp io", "not a group name")]
    public void A_bad_user_spec_is_an_error_naming_the_value_and_the_accepted_form(string? text, string reason)
    {
        var result = UserSpec.Parse(text);

        Assert.False(result.IsOk);
        Assert.Contains($"'{text}'", result.Error, StringComparison.Ordinal);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
        Assert.Contains("NAME[:GROUP] or UID[:GID]", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("node", 1000u, 1000u, "node", "/home/node", new uint[] { 1000, 44, 997, 998 })]
    [InlineData("1000", 1000u, 1000u, "node", "/home/node", new uint[] { 1000, 44, 997, 998 })]
    [InlineData("node:gpio", 1000u, 997u, "node", "/home/node", new uint[] { 997, 44, 998 })]
    [InlineData("node:50", 1000u, 50u, "node", "/home/node", new uint[] { 50, 44, 997, 998 })]
    [InlineData("root", 0u, 0u, "root", "/root", new uint[] { 0 })]
    [InlineData("0:0", 0u, 0u, "root", "/root", new uint[] { 0 })]
    [InlineData("nobody", 65534u, 65534u, "nobody", "/nonexistent", new uint[] { 65534 })]
    [InlineData("nohome", 1002u, 1002u, "nohome", "/", new uint[] { 1002 })]
    public void A_user_resolves_to_ids_home_and_groups_from_the_image_files(
        string text, uint uid, uint gid, string name, string home, uint[] groups)
    {
        var user = Resolve(text);

        Assert.Equal((uid, gid, name, home), (user.Uid, user.Gid, user.Name, user.Home));
        Assert.Equal(groups, user.SupplementaryGids);
    }

    [Fact]
    public void A_uid_without_a_passwd_entry_is_fine_with_home_slash_and_gid_0_as_docker_does()
    {
        var user = Resolve("4242");

        Assert.Equal((4242u, 0u, (string?)null, "/"), (user.Uid, user.Gid, user.Name, user.Home));
        Assert.Equal([0u], user.SupplementaryGids);
    }

    [Fact]
    public void A_uid_and_gid_without_entries_are_taken_as_they_are()
    {
        var user = Resolve("4242:4343");

        Assert.Equal((4242u, 4343u, (string?)null, "/"), (user.Uid, user.Gid, user.Name, user.Home));
        Assert.Equal([4343u], user.SupplementaryGids);
    }

    [Fact]
    public void A_user_name_not_in_passwd_is_an_error_naming_it()
    {
        var result = UserSpec.Parse("pi").Value.Resolve(PasswdFile, GroupFile);

        Assert.False(result.IsOk);
        Assert.Contains("user 'pi' is not in the image's /etc/passwd", result.Error, StringComparison.Ordinal);
        Assert.Contains("UID[:GID]", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_group_name_not_in_group_is_an_error_naming_it()
    {
        var result = UserSpec.Parse("node:dialout").Value.Resolve(PasswdFile, GroupFile);

        Assert.False(result.IsOk);
        Assert.Contains("group 'dialout' is not in the image's /etc/group", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_passwd_entry_for_a_name_wins_as_getpwnam_does()
    {
        var passwd = Passwd.Parse("node:x:1000:1000::/home/node:/bin/sh\nnode:x:2000:2000::/other:/bin/sh\n");

        var user = UserSpec.Parse("node").Value.Resolve(passwd, []).Value;

        Assert.Equal((1000u, "/home/node"), (user.Uid, user.Home));
    }

    [Fact]
    public void The_identity_carries_uid_gid_and_groups_for_permission_checks()
    {
        var identity = Resolve("node").Identity;

        Assert.Equal("1000:1000", identity.ToString());
        Assert.True(identity.InGroup(997));
        Assert.False(identity.InGroup(50));
        Assert.False(identity.IsRoot);
    }

    private static ResolvedUser Resolve(string text)
    {
        var parsed = UserSpec.Parse(text);
        Assert.True(parsed.IsOk, parsed.Error);
        var resolved = parsed.Value.Resolve(PasswdFile, GroupFile);
        Assert.True(resolved.IsOk, resolved.Error);
        return resolved.Value;
    }
}
