using EntryPoint.Core;
using EntryPoint.Core.Users;

namespace EntryPoint.Tests.Users;

public class PermissionRulesTests
{
    private static readonly AppIdentity Node = new(1000, 1000, [1000, 44, 997]);
    private static readonly AppIdentity Root = new(0, 0, [0]);

    // owner uid, owner gid, mode, directory?  →  read, list, write, execute for the node user (1000:1000 + 44, 997)
    [Theory]
    [InlineData(1000u, 1000u, "0755", true, true, true, true, true)]
    [InlineData(1001u, 1001u, "0755", true, true, true, false, true)]
    [InlineData(1001u, 1001u, "0700", true, false, false, false, false)]
    [InlineData(1001u, 1001u, "0644", true, true, false, false, false)] // r without x: names only
    [InlineData(1001u, 1001u, "0711", true, false, false, false, true)] // x without r: no listing
    [InlineData(1001u, 997u, "0750", true, true, true, false, true)] // through a supplementary group
    [InlineData(1001u, 997u, "0770", true, true, true, true, true)]
    [InlineData(1001u, 50u, "0750", true, false, false, false, false)] // not in group 50
    [InlineData(1000u, 1000u, "0077", true, false, false, false, false)] // owner class only, even if others may
    [InlineData(1001u, 1000u, "0407", true, false, false, false, false)] // group class only for a member
    [InlineData(1001u, 1001u, "0777", true, true, true, true, true)]
    [InlineData(1001u, 1001u, "01777", true, true, true, true, true)]
    [InlineData(1001u, 1001u, "0644", false, true, true, false, false)] // a file needs only r to read
    [InlineData(1001u, 1001u, "0600", false, false, false, false, false)]
    [InlineData(1000u, 1000u, "040755", true, true, true, true, true)] // a whole st_mode, type bits included
    public void The_app_user_gets_the_bits_of_exactly_one_class(
        uint ownerUid, uint ownerGid, string mode, bool isDir, bool read, bool list, bool write, bool execute)
    {
        var file = new FileFacts(ownerUid, ownerGid, Octal(mode), isDir);

        Assert.Equal(
            (read, list, write, execute),
            (PermissionRules.CanRead(file, Node), PermissionRules.CanList(file, Node),
             PermissionRules.CanWrite(file, Node), PermissionRules.CanExecute(file, Node)));
    }

    [Theory]
    [InlineData("0000", true, true)]
    [InlineData("0000", false, false)]
    [InlineData("0100", false, true)]
    [InlineData("0001", false, true)]
    public void Root_reads_writes_and_lists_anything_but_runs_a_file_only_with_some_x_bit(string mode, bool isDir, bool execute)
    {
        var file = new FileFacts(1001, 1001, Octal(mode), isDir);

        Assert.True(PermissionRules.CanRead(file, Root));
        Assert.True(PermissionRules.CanWrite(file, Root));
        Assert.Equal(execute, PermissionRules.CanExecute(file, Root));
        Assert.True(PermissionRules.CanList(file, Root));
    }

    [Theory]
    [InlineData("0777", true)]
    [InlineData("01777", true)]
    [InlineData("0666", true)]
    [InlineData("0775", false)]
    [InlineData("0755", false)]
    public void World_writable_means_the_other_w_bit(string mode, bool expected) =>
        Assert.Equal(expected, PermissionRules.IsWorldWritable(new FileFacts(0, 0, Octal(mode), true)));

    [Theory]
    [InlineData("0700", "0700")]
    [InlineData("0755", "0755")]
    [InlineData("01777", "01777")]
    [InlineData("040755", "0755")]
    [InlineData("010", "0010")]
    [InlineData("00", "0000")]
    public void The_mode_is_shown_in_octal_with_a_leading_zero_as_chmod_takes_it(string mode, string expected) =>
        Assert.Equal(expected, new FileFacts(0, 0, Octal(mode), true).OctalMode);

    [Fact]
    public void An_unreadable_source_is_an_error_with_path_owner_mode_app_ids_and_the_seeds_fixes()
    {
        var source = new FileFacts(1001, 1002, Octal("0700"), true);

        var findings = PermissionRules.CheckSource(
            "/app/custom-modules", source, Node, hostPath: "/home/pi/systemprompt-custom/modules");

        var error = Assert.Single(findings);
        Assert.Equal((Severity.Error, "source-not-readable", "/app/custom-modules"), (error.Severity, error.Code, error.Path));
        Assert.Contains("/app/custom-modules", error.Message, StringComparison.Ordinal);
        Assert.Contains("owner 1001:1002", error.Message, StringComparison.Ordinal);
        Assert.Contains("mode 0700", error.Message, StringComparison.Ordinal);
        Assert.Contains("runs as 1000:1000", error.Message, StringComparison.Ordinal);
        Assert.Contains("chmod -R 755 /home/pi/systemprompt-custom/modules", error.Hint, StringComparison.Ordinal);
        Assert.Contains("DOCKER_USER=1001", error.Hint, StringComparison.Ordinal);
        Assert.Contains("DOCKER_GROUP=1002", error.Hint, StringComparison.Ordinal);
        Assert.Contains(".env", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_host_path_the_chmod_hint_names_the_container_path()
    {
        var findings = PermissionRules.CheckSource("/app/custom-mcp", new FileFacts(1001, 1001, Octal("0644"), true), Node);

        Assert.Contains("chmod -R 755 /app/custom-mcp", Assert.Single(findings).Hint, StringComparison.Ordinal);
        Assert.Contains("r and x", findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_owned_by_another_user_with_0755_has_no_findings() =>
        Assert.Empty(PermissionRules.CheckSource("/app/custom-modules", new FileFacts(1001, 1001, Octal("0755"), true), Node));

    [Theory]
    [InlineData(1000u, 1000u, "0755", "it owns it")] // the app's own files
    [InlineData(1001u, 997u, "0775", "through its group")] // via gpio (997)
    public void A_source_the_app_can_write_is_a_warning(uint ownerUid, uint ownerGid, string mode, string reason)
    {
        var findings = PermissionRules.CheckSource("/app/custom-modules", new FileFacts(ownerUid, ownerGid, Octal(mode), true), Node);

        var warning = Assert.Single(findings);
        Assert.Equal((Severity.Warning, "source-writable-by-app"), (warning.Severity, warning.Code));
        Assert.Contains(reason, warning.Message, StringComparison.Ordinal);
        Assert.Contains(":ro", warning.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void On_a_read_only_mount_a_source_the_mode_lets_the_app_write_is_fine() =>
        Assert.Empty(PermissionRules.CheckSource(
            "/app/custom-modules", new FileFacts(1000, 1000, Octal("0755"), true), Node, readOnlyMount: true));

    [Fact]
    public void A_world_writable_source_is_a_warning_even_on_a_read_only_mount()
    {
        var findings = PermissionRules.CheckSource(
            "/app/custom-modules", new FileFacts(1001, 1001, Octal("0777"), true), Node, "/srv/mods", readOnlyMount: true);

        var warning = Assert.Single(findings);
        Assert.Equal((Severity.Warning, "source-world-writable"), (warning.Severity, warning.Code));
        Assert.Contains("mode 0777", warning.Message, StringComparison.Ordinal);
        Assert.Contains("chmod -R o-w /srv/mods", warning.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_world_writable_source_on_a_writable_mount_gives_both_warnings() =>
        Assert.Equal(
            ["source-writable-by-app", "source-world-writable"],
            PermissionRules.CheckSource("/app/custom-mcp", new FileFacts(1001, 1001, Octal("0777"), true), Node).Select(f => f.Code));

    [Fact]
    public void Root_can_read_a_0700_source_but_is_warned_that_it_can_write_it()
    {
        var findings = PermissionRules.CheckSource("/app/custom-modules", new FileFacts(1001, 1001, Octal("0700"), true), Root);

        var warning = Assert.Single(findings);
        Assert.Equal("source-writable-by-app", warning.Code);
        Assert.Contains("root", warning.Message, StringComparison.Ordinal);
    }

    private static uint Octal(string mode) => Convert.ToUInt32(mode, 8);
}
