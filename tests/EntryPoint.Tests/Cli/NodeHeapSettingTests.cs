using EntryPoint.Cli;

namespace EntryPoint.Tests.Cli;

/// <summary>ENTRYPOINT_NODE_HEAP / --node-heap is read once, on the command line, like the other words there.</summary>
public class NodeHeapSettingTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("off", false)]
    [InlineData("OFF", false)]
    [InlineData("auto", true)]
    [InlineData("AUTO", true)]
    [InlineData(" Auto ", true)]
    public void Auto_and_off_are_read_in_any_case(string? value, bool auto)
    {
        var result = SettingsBinder.ParseNodeHeap(value);

        Assert.True(result.IsOk, result.Error);
        Assert.Equal(auto, result.Value);
    }

    [Fact]
    public void An_unknown_heap_setting_is_a_usage_error_naming_the_value_and_the_accepted_ones()
    {
        var stderr = new StringWriter();
        var environment = new Dictionary<string, string> { ["ENTRYPOINT_NODE_HEAP"] = "atuo" };

        var code = EntryPointCommand.Invoke(["true"], new NeverCalled(), environment.GetValueOrDefault, new StringWriter(), stderr);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("ENTRYPOINT_NODE_HEAP 'atuo' is not known; expected auto or off", stderr.ToString(), StringComparison.Ordinal);
    }

    private sealed class NeverCalled : IHandlers
    {
        public int Run(EntryPoint.Core.Settings settings, IReadOnlyList<string> command) => throw new InvalidOperationException("run was called");

        public int Diagnose(EntryPoint.Core.Settings settings, bool json) => throw new InvalidOperationException("diagnose was called");
    }
}
