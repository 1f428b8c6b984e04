using EntryPoint.Core;
using EntryPoint.Core.Resources;

namespace EntryPoint.Tests.Resources;

public class NodeHeapTests
{
    private const long MiB = 1024 * 1024;

    [Theory]
    [InlineData("--max-old-space-size=512", 512L)]
    [InlineData("--max_old_space_size=512", 512L)]
    [InlineData("--max-old-space-size 384", 384L)]
    [InlineData("--max_old_space_size 384", 384L)]
    [InlineData("--enable-source-maps --max-old-space-size=200 --trace-warnings", 200L)]
    [InlineData("--max-old-space-size=512 --max-old-space-size=256", 256L)]
    [InlineData("--max-old-space-size 512 --max_old_space_size=128", 128L)]
    [InlineData("  --max-old-space-size=512  ", 512L)]
    [InlineData("\"--max-old-space-size=64\"", 64L)]
    public void The_heap_flag_is_found_in_every_form_node_accepts_and_the_last_one_wins(string options, long expected) =>
        Assert.Equal(expected, NodeHeap.FindHeapFlag(options)?.MiB);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("--enable-source-maps")]
    [InlineData("--max-semi-space-size=64")]
    [InlineData("--require \"./x --max-old-space-size=512.js\"")]
    [InlineData("--max-old-space-size-percentage=50")]
    public void No_heap_flag_is_found_where_there_is_none(string? options) =>
        Assert.Null(NodeHeap.FindHeapFlag(options));

    [Theory]
    [InlineData("--max-old-space-size=", "")]
    [InlineData("--max-old-space-size", "")]
    [InlineData("--max-old-space-size=1g", "1g")]
    [InlineData("--max-old-space-size=-5", "-5")]
    public void A_heap_flag_without_a_whole_number_is_found_but_has_no_size(string options, string value) =>
        Assert.Equal(new HeapFlag(value, null), NodeHeap.FindHeapFlag(options));

    [Fact]
    public void A_heap_above_75_percent_of_the_limit_is_a_warning_that_says_both_numbers()
    {
        var result = NodeHeap.Evaluate("--max-old-space-size=512", false, 256 * MiB);

        var warning = Assert.Single(result.Findings);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal("node-heap-too-large", warning.Code);
        Assert.Contains("512 MiB", warning.Message, StringComparison.Ordinal);
        Assert.Contains("256 MiB", warning.Message, StringComparison.Ordinal);
        Assert.Contains("--max-old-space-size=192", warning.Hint, StringComparison.Ordinal);
        Assert.Equal(512, result.HeapMiB);
        Assert.Null(result.NewNodeOptions);
    }

    [Theory]
    [InlineData(192, 256, false)] // exactly 75%
    [InlineData(193, 256, true)]
    [InlineData(256, 256, true)]
    [InlineData(128, 256, false)]
    [InlineData(1536, 2048, false)]
    [InlineData(2048, 2048, true)]
    public void The_heap_may_take_up_to_75_percent_of_the_limit(long heapMiB, long limitMiB, bool warns)
    {
        var result = NodeHeap.Evaluate($"--max-old-space-size={heapMiB}", false, limitMiB * MiB);

        Assert.Equal(warns, result.Findings.Any(f => f.Code == "node-heap-too-large"));
    }

    [Fact]
    public void A_limit_that_is_not_whole_mebibytes_is_shown_in_bytes_too()
    {
        var result = NodeHeap.Evaluate("--max-old-space-size=512", false, 300_000_000);

        Assert.Contains("300000000 bytes", Assert.Single(result.Findings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_heap_without_a_memory_limit_is_reported_as_info()
    {
        var result = NodeHeap.Evaluate("--max-old-space-size=4096", false, null);

        var info = Assert.Single(result.Findings);
        Assert.Equal((Severity.Info, "node-heap"), (info.Severity, info.Code));
        Assert.Contains("no memory limit", info.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_heap_flag_that_is_not_a_number_is_a_warning()
    {
        var result = NodeHeap.Evaluate("--max-old-space-size=lots", true, 256 * MiB);

        Assert.Equal("node-heap-invalid", Assert.Single(result.Findings).Code);
        Assert.Null(result.NewNodeOptions);
    }

    [Fact]
    public void Auto_with_no_heap_and_a_limit_sets_75_percent_of_the_limit()
    {
        var result = NodeHeap.Evaluate(null, true, 256 * MiB);

        Assert.Equal(192, result.HeapMiB);
        Assert.Equal("--max-old-space-size=192", result.NewNodeOptions);
        var info = Assert.Single(result.Findings);
        Assert.Equal((Severity.Info, "node-heap-auto"), (info.Severity, info.Code));
        Assert.Contains("192 MiB", info.Message, StringComparison.Ordinal);
        Assert.Contains("256 MiB", info.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--enable-source-maps", 512, "--enable-source-maps --max-old-space-size=384")]
    [InlineData("  --enable-source-maps ", 1024, "--enable-source-maps --max-old-space-size=768")]
    [InlineData("", 100, "--max-old-space-size=75")]
    [InlineData("--require \"./a b.js\"", 2048, "--require \"./a b.js\" --max-old-space-size=1536")]
    public void Auto_appends_the_heap_to_the_existing_options(string options, long limitMiB, string expected) =>
        Assert.Equal(expected, NodeHeap.Evaluate(options, true, limitMiB * MiB).NewNodeOptions);

    [Fact]
    public void Auto_rounds_the_heap_down_to_whole_mebibytes() =>
        Assert.Equal(214, NodeHeap.Evaluate(null, true, 300_000_000).HeapMiB); // 286.1 MiB * 0.75 = 214.6

    [Fact]
    public void Auto_leaves_a_heap_already_in_node_options_alone_but_still_checks_it()
    {
        var result = NodeHeap.Evaluate("--max-old-space-size=512", true, 256 * MiB);

        Assert.Null(result.NewNodeOptions);
        Assert.Equal(["node-heap-auto-skipped", "node-heap-too-large"], result.Findings.Select(f => f.Code));
    }

    [Fact]
    public void Auto_without_a_memory_limit_changes_nothing_and_says_so()
    {
        var result = NodeHeap.Evaluate("--enable-source-maps", true, null);

        Assert.Null(result.NewNodeOptions);
        Assert.Null(result.HeapMiB);
        Assert.Equal("node-heap-auto-no-limit", Assert.Single(result.Findings).Code);
    }

    [Fact]
    public void Auto_with_a_limit_too_small_for_one_mebibyte_changes_nothing()
    {
        var result = NodeHeap.Evaluate(null, true, MiB);

        Assert.Null(result.NewNodeOptions);
        Assert.Equal(Severity.Warning, Assert.Single(result.Findings).Severity);
    }

    [Fact]
    public void Without_auto_and_without_a_heap_nothing_changes()
    {
        var result = NodeHeap.Evaluate("--enable-source-maps", false, 256 * MiB);

        Assert.Null(result.NewNodeOptions);
        var info = Assert.Single(result.Findings);
        Assert.Equal((Severity.Info, "node-heap-default"), (info.Severity, info.Code));
        Assert.Contains("ENTRYPOINT_NODE_HEAP=auto", info.Hint, StringComparison.Ordinal);
    }
}
