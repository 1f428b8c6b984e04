using System.CommandLine;

namespace EntryPoint.Cli;

/// <summary>The options of the entrypoint and the ENTRYPOINT_* variable behind each; a flag wins over its variable.</summary>
public sealed class CliOptions
{
    public Option<string[]> Link { get; } = new("--link")
    {
        Description = "[NAME=]SOURCE:TARGET; repeatable",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
        Recursive = true,
    };

    public Option<string[]> Marker { get; } = new("--marker")
    {
        Description = "NAME=FILE[|FILE...]; repeatable",
        Arity = ArgumentArity.OneOrMore,
        Recursive = true,
    };

    public Option<string> Root { get; } = new("--root") { Description = "DIR", Recursive = true };
    public Option<bool> Strict { get; } = new("--strict") { Recursive = true };
    public Option<string> LogFormat { get; } = new("--log-format") { Recursive = true };
    public Option<string> LogLevel { get; } = new("--log-level") { Recursive = true };
    public Option<bool> DryRun { get; } = new("--dry-run") { Recursive = true };
    public Option<bool> Json { get; } = new("--json");
    public Option<string> User { get; } = new("--user") { Recursive = true };
    public Option<string[]> RequireDevice { get; } = new("--require-device") { Arity = ArgumentArity.OneOrMore, Recursive = true };
    public Option<string> NodeHeap { get; } = new("--node-heap") { Recursive = true };
    public Option<string> HooksDir { get; } = new("--hooks-dir") { Description = "DIR", Recursive = true };
    public Option<string> HookTimeout { get; } = new("--hook-timeout") { Description = "SECONDS", Recursive = true };

    public Argument<string[]> Command { get; } = new("COMMAND") { Arity = ArgumentArity.ZeroOrMore };

    public static readonly IReadOnlyDictionary<string, string> Variables = new Dictionary<string, string>
    {
        ["--link"] = "ENTRYPOINT_LINKS",
        ["--marker"] = "ENTRYPOINT_MARKERS",
        ["--root"] = "ENTRYPOINT_ROOT",
        ["--strict"] = "ENTRYPOINT_STRICT",
        ["--log-format"] = "ENTRYPOINT_LOG_FORMAT",
        ["--log-level"] = "ENTRYPOINT_LOG_LEVEL",
        ["--dry-run"] = "ENTRYPOINT_DRY_RUN",
        ["--user"] = "ENTRYPOINT_USER",
        ["--require-device"] = "ENTRYPOINT_REQUIRE_DEVICES",
        ["--node-heap"] = "ENTRYPOINT_NODE_HEAP",
        ["--hooks-dir"] = "ENTRYPOINT_HOOKS_DIR",
        ["--hook-timeout"] = "ENTRYPOINT_HOOK_TIMEOUT",
    };

    public IEnumerable<Option> Shared => [Link, Marker, Root, Strict, LogFormat, LogLevel, DryRun, User, RequireDevice, NodeHeap, HooksDir, HookTimeout];

    /// <summary>The parser's own options, which take no value.</summary>
    private static readonly string[] ParserFlags = ["--help", "-h", "-?", "/?", "/h", "--version"];

    /// <summary>Options that take no value (the boolean ones), including the parser's own.</summary>
    public IReadOnlySet<string> Flags => Shared.Append(Json).OfType<Option<bool>>().Select(o => o.Name).Concat(ParserFlags).ToHashSet();

    /// <summary>Options that take a value, so the splitter knows the next token is theirs and not COMMAND.</summary>
    public IReadOnlySet<string> Valued => Shared.Where(o => o is not Option<bool>).Select(o => o.Name).ToHashSet();
}
