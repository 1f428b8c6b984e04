using EntryPoint.App;
using EntryPoint.Cli;
using EntryPoint.Core;
using EntryPoint.Core.Launch;
using EntryPoint.Core.Linking;
using EntryPoint.Core.Resources;
using EntryPoint.Core.Users;

namespace EntryPoint.Tests.Launch;

/// <summary>A --user the image lacks is a bad value, like a malformed one: exit 2, from run and diagnose alike.</summary>
public class UnknownUserExitTests
{
    private sealed class NoLinks : ISnapshotSource
    {
        public Snapshot Read(IReadOnlyList<LinkSpec> links) => new([], null);

        public TargetState ReadTarget(LinkSpec link) => throw new InvalidOperationException("nothing to re-read");
    }

    private sealed class ImageAsRoot : ILaunchSource
    {
        public LaunchSnapshot Read(Settings settings) =>
            new(0, 0, [new("app", 1001, 1001, "", "/home/app", "/bin/sh")], [new("app", 1001, [])], ResourceLimits.Unknown, Capabilities.None, [], null);
    }

    private static Settings WithUser(string user) => new() { Links = [], User = UserSpec.Parse(user).Value };

    [Theory]
    [InlineData("nosuchuser", ExitCodes.Usage)]
    [InlineData("app:nosuchgroup", ExitCodes.Usage)]
    [InlineData("app", ExitCodes.Ok)]
    public void Diagnose_exits_2_for_a_user_or_group_the_image_lacks_and_still_reports_it(string user, int expected)
    {
        var stdout = new StringWriter();

        var code = new DiagnoseHandler(WithUser(user), new NoLinks(), new ImageAsRoot(), stdout, Stream.Null).Handle(json: false);

        Assert.Equal(expected, code);
        Assert.Equal(expected == ExitCodes.Usage, stdout.ToString().Contains("ERROR user-unknown", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_a_usage_finding_turns_a_failure_into_exit_2()
    {
        var setup = Finding.Error("target-conflict", "/app/modules/custom", "conflict");
        var usage = Finding.Usage("user-unknown", "/etc/passwd", "no such user");

        Assert.Equal(ExitCodes.SetupFailed, Finding.ExitCode([setup], ExitCodes.Usage, ExitCodes.SetupFailed));
        Assert.Equal(ExitCodes.Usage, Finding.ExitCode([setup, usage], ExitCodes.Usage, ExitCodes.SetupFailed));
        Assert.Equal(Severity.Error, usage.Severity);
    }
}
