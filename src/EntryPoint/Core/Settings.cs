namespace EntryPoint.Core;

/// <summary>One link of the contract: SOURCE is the intermediate mount point, TARGET the runtime path the app reads.</summary>
/// <param name="Markers">Files that make an entry of SOURCE visible to the app; empty means the link has no expectations.</param>
public sealed record LinkSpec(string Name, string Source, string Target, IReadOnlyList<string> Markers);

public enum LogFormat
{
    Text,
    Json,
}

/// <summary>Everything the command line and the ENTRYPOINT_* variables decided, already validated.</summary>
public sealed record Settings
{
    public required IReadOnlyList<LinkSpec> Links { get; init; }

    /// <summary>Host directory that stands for the container's "/" (tests and demos); "/" in a container.</summary>
    public string Root { get; init; } = "/";

    public bool Strict { get; init; }
    public bool DryRun { get; init; }
    public LogFormat LogFormat { get; init; } = LogFormat.Text;
    public Serilog.Events.LogEventLevel LogLevel { get; init; } = Serilog.Events.LogEventLevel.Information;

    /// <summary>USER[:GROUP] the app runs as; null keeps the user the container started with.</summary>
    public Users.UserSpec? User { get; init; }

    /// <summary>Container paths of devices the app cannot work without, e.g. /dev/gpiomem.</summary>
    public IReadOnlyList<string> RequiredDevices { get; init; } = [];

    /// <summary>ENTRYPOINT_NODE_HEAP=auto: size the Node heap from the memory limit when NODE_OPTIONS has none.</summary>
    public bool NodeHeapAuto { get; init; }

    /// <summary>ENTRYPOINT_HOOKS_DIR: container path of the start-up hooks, run after linking and before the exec.</summary>
    public string HooksDir { get; init; } = DefaultHooksDir;

    /// <summary>ENTRYPOINT_HOOK_TIMEOUT: how long one hook may run before it (and its process group) is killed.</summary>
    public TimeSpan HookTimeout { get; init; } = DefaultHookTimeout;

    public const string DefaultHooksDir = "/docker-entrypoint.d";
    public static readonly TimeSpan DefaultHookTimeout = TimeSpan.FromSeconds(60);
}
