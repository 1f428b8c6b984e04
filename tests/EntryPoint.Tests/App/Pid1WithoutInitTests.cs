using EntryPoint.App;
using EntryPoint.Core;

namespace EntryPoint.Tests.App;

/// <summary>The contract's info finding when the app will be PID 1 without an init.</summary>
public class Pid1WithoutInitTests
{
    [Fact]
    public void An_app_that_will_be_pid_1_gets_an_info_finding_naming_it_and_sigterm_with_the_init_remedy()
    {
        var finding = ProcessFacts.Pid1WithoutInit(appWillBePid1: true, "node");

        Assert.NotNull(finding);
        Assert.Equal((Severity.Info, "pid1-no-init"), (finding.Severity, finding.Code));
        Assert.StartsWith("node will run as PID 1", finding.Message, StringComparison.Ordinal);
        Assert.Contains("SIGTERM", finding.Message, StringComparison.Ordinal);
        Assert.Contains("--init", finding.Hint, StringComparison.Ordinal);
        Assert.Contains("init: true", finding.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void An_app_that_will_not_be_pid_1_gets_no_finding()
    {
        Assert.Null(ProcessFacts.Pid1WithoutInit(appWillBePid1: false, "node"));
    }

    [Fact]
    public void The_pid_1_finding_is_never_more_than_info_so_it_cannot_fail_a_strict_start()
    {
        var finding = ProcessFacts.Pid1WithoutInit(appWillBePid1: true, "node")!;

        Assert.False(Finding.Fail([finding], strict: true));
    }
}
