using EntryPoint.Core;

namespace EntryPoint.Tests;

public class FindingTests
{
    [Fact]
    public void Severities_are_ordered_so_the_worst_one_wins()
    {
        Assert.True(Severity.Error > Severity.Warning);
        Assert.True(Severity.Warning > Severity.Info);
    }
}
