using System.Globalization;
using System.Text;

namespace EntryPoint.Core.Resources;

/// <summary>
/// The heap size flag as found in NODE_OPTIONS: <see cref="Value"/> is the text after the flag, <see cref="MiB"/> its
/// number when it is one (V8 takes a whole number of MiB).
/// </summary>
public sealed record HeapFlag(string Value, long? MiB);

/// <summary>
/// What <see cref="NodeHeap.Evaluate"/> decided. <see cref="HeapMiB"/> is the heap the app will run with, when known;
/// <see cref="NewNodeOptions"/> is the NODE_OPTIONS value to export before the exec, or null to leave it as it is.
/// </summary>
public sealed record NodeHeapResult(long? HeapMiB, string? NewNodeOptions, IReadOnlyList<Finding> Findings);

/// <summary>
/// Node's old-generation heap (<c>--max-old-space-size</c>, in MiB) against the container's memory limit.
/// </summary>
/// <remarks>
/// The heap must stay well under the limit because the heap is not all a Node process uses: compiled code,
/// Buffers and other off-heap allocations, thread stacks, the young generation and libuv's pool all live outside
/// it. A heap at the limit gets the container OOM-killed before V8 ever collects. <see cref="HeapFraction"/> (75%)
/// leaves a quarter for all of that, which is the usual advice for containers and what <c>auto</c> uses; a heap
/// above it is a warning.
/// </remarks>
public static class NodeHeap
{
    public const string NodeOptionsVariable = "NODE_OPTIONS";
    public const string HeapSettingVariable = "ENTRYPOINT_NODE_HEAP";

    /// <summary>The share of the memory limit the heap may take; see the remarks on <see cref="NodeHeap"/>.</summary>
    public const double HeapFraction = 0.75;

    private const long MiBBytes = 1024 * 1024;
    private const string FlagName = "--max-old-space-size";

    /// <summary>
    /// Finds the heap size flag in NODE_OPTIONS, e.g. <c>--max-old-space-size=512</c>, <c>--max_old_space_size=512</c>
    /// or <c>--max-old-space-size 512</c>. When it is given more than once the last one wins, as it does in Node.
    /// </summary>
    public static HeapFlag? FindHeapFlag(string? nodeOptions)
    {
        var args = SplitNodeOptions(nodeOptions ?? "");
        HeapFlag? found = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg : arg[..equals];

            // V8 treats '-' and '_' in flag names as the same character.
            if (!string.Equals(name.Replace('_', '-'), FlagName, StringComparison.Ordinal))
            {
                continue;
            }

            string value;
            if (equals >= 0)
            {
                value = arg[(equals + 1)..];
            }
            else if (i + 1 < args.Count)
            {
                value = args[++i];
            }
            else
            {
                value = "";
            }

            found = new HeapFlag(value, ParseMiB(value));
        }

        return found;
    }

    /// <summary>
    /// Checks the heap against the limit and, for <c>ENTRYPOINT_NODE_HEAP=auto</c>, sizes it when NODE_OPTIONS has none.
    /// </summary>
    /// <param name="nodeOptions">NODE_OPTIONS as the app will get it.</param>
    /// <param name="auto">ENTRYPOINT_NODE_HEAP=auto (the command line has already refused any other word).</param>
    /// <param name="memoryLimitBytes">The container's memory limit; null when there is none.</param>
    public static NodeHeapResult Evaluate(string? nodeOptions, bool auto, long? memoryLimitBytes)
    {
        var findings = new List<Finding>();
        var limitText = memoryLimitBytes is { } limit ? DescribeBytes(limit) : null;
        var flag = FindHeapFlag(nodeOptions);
        if (flag is not null)
        {
            if (flag.MiB is not { } heap)
            {
                findings.Add(Finding.Warning(
                    "node-heap-invalid",
                    null,
                    $"{NodeOptionsVariable} sets {FlagName} to '{flag.Value}', which is not a whole number of MiB; Node will not start with it.",
                    $"Use e.g. {FlagName}=512 (MiB)."));
                return new NodeHeapResult(null, null, findings);
            }

            if (auto)
            {
                findings.Add(Finding.Info(
                    "node-heap-auto-skipped",
                    null,
                    $"{HeapSettingVariable}=auto left {NodeOptionsVariable} alone: it already sets {FlagName}={heap}."));
            }

            if (memoryLimitBytes is { } bytes && (double)heap * MiBBytes > bytes * HeapFraction)
            {
                var fit = FittingHeapMiB(bytes);
                findings.Add(Finding.Warning(
                    "node-heap-too-large",
                    null,
                    $"The Node heap ({FlagName}={heap}, {heap} MiB) is more than {Percent} of the container's memory limit ({limitText}); "
                    + "Node also needs memory outside the heap (code, buffers, stacks), so the container may be OOM-killed.",
                    $"Lower it to {FlagName}={fit} or less, or raise the memory limit."));
            }
            else
            {
                findings.Add(Finding.Info(
                    "node-heap",
                    null,
                    memoryLimitBytes is null
                        ? $"The Node heap is {heap} MiB ({FlagName} in {NodeOptionsVariable}); the container has no memory limit."
                        : $"The Node heap is {heap} MiB ({FlagName} in {NodeOptionsVariable}), within {Percent} of the memory limit ({limitText})."));
            }

            return new NodeHeapResult(heap, null, findings);
        }

        if (!auto)
        {
            findings.Add(Finding.Info(
                "node-heap-default",
                null,
                $"{NodeOptionsVariable} sets no heap size; Node chooses its own.",
                memoryLimitBytes is null ? null : $"Set {HeapSettingVariable}=auto to size it to {Percent} of the memory limit ({limitText})."));
            return new NodeHeapResult(null, null, findings);
        }

        if (memoryLimitBytes is not { } memoryLimit)
        {
            findings.Add(Finding.Info(
                "node-heap-auto-no-limit",
                null,
                $"{HeapSettingVariable}=auto did nothing: the container has no memory limit to size the Node heap from.",
                "Set a memory limit (docker run --memory, or mem_limit / deploy.resources.limits.memory in compose)."));
            return new NodeHeapResult(null, null, findings);
        }

        var autoHeap = FittingHeapMiB(memoryLimit);
        if (autoHeap < 1)
        {
            findings.Add(Finding.Warning(
                "node-heap-auto-limit-too-small",
                null,
                $"{HeapSettingVariable}=auto did nothing: the memory limit ({limitText}) is too small for a Node heap."));
            return new NodeHeapResult(null, null, findings);
        }

        var existing = nodeOptions?.Trim() ?? "";
        var newOptions = existing.Length == 0
            ? $"{FlagName}={autoHeap}"
            : $"{existing} {FlagName}={autoHeap}";
        findings.Add(Finding.Info(
            "node-heap-auto",
            null,
            $"{HeapSettingVariable}=auto set the Node heap to {autoHeap} MiB, {Percent} of the memory limit ({limitText}): {NodeOptionsVariable}={newOptions}"));
        return new NodeHeapResult(autoHeap, newOptions, findings);
    }

    /// <summary>The largest heap, in whole MiB, that fits the limit with room to spare.</summary>
    public static long FittingHeapMiB(long memoryLimitBytes) =>
        (long)Math.Floor(memoryLimitBytes * HeapFraction / MiBBytes);

    private static string Percent => $"{HeapFraction * 100:0}%";

    private static string DescribeBytes(long bytes) =>
        bytes % MiBBytes == 0
            ? $"{bytes / MiBBytes} MiB"
            : string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)MiBBytes:0.#} MiB, {bytes} bytes");

    private static long? ParseMiB(string value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var mib) && mib > 0 ? mib : null;

    // Node splits NODE_OPTIONS on spaces (only spaces), and a double-quoted part may hold spaces and
    // backslash-escapes; this is the same rule so that a quoted value elsewhere cannot be mistaken for our flag.
    private static List<string> SplitNodeOptions(string text)
    {
        var args = new List<string>();
        StringBuilder? current = null;
        var inString = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && inString && i + 1 < text.Length)
            {
                c = text[++i];
            }
            else if (c == ' ' && !inString)
            {
                if (current is not null)
                {
                    args.Add(current.ToString());
                    current = null;
                }

                continue;
            }
            else if (c == '"')
            {
                inString = !inString;
                continue;
            }

            (current ??= new StringBuilder()).Append(c);
        }

        if (current is not null)
        {
            args.Add(current.ToString());
        }

        return args;
    }
}
