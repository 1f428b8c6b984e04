using EntryPoint.App;
using EntryPoint.Cli;
using EntryPoint.Core;
using EntryPoint.Core.Linking;
using EntryPoint.Core.Mounts;
using EntryPoint.Os;
using EntryPoint.Os.Exec;
using EntryPoint.Os.Hooks;

// The composition root: the only place that knows which adapter serves which port. No DI container (AOT).

// The helper that starts a start-up hook in a session of its own (see HookSession); never reached by an operator.
if (args is [HookSession.Token, var hook])
{
    return HookSession.Exec(hook);
}

return EntryPointCommand.Invoke(args, new Handlers(), Environment.GetEnvironmentVariable, Console.Out, Console.Error);

internal sealed class Handlers : IHandlers
{
    public int Run(Settings settings, IReadOnlyList<string> command)
    {
        using var log = Logging.Create(settings);
        var (snapshots, launch) = Probes(settings);
        var applier = new Applier(new LinkWriter(settings.Root), snapshots, Environment.ProcessId);
        var handler = new RunHandler(settings, snapshots, launch, applier, new PrivilegeDrop(), new ProcessReplacer(), log,
            Environment.GetEnvironmentVariable, EnvironmentBlock.Current(), Environment.ProcessId,
            new HookStep(settings, new HookReader(settings.Root), new HookRunner(HookSessionPrefix()), log));
        return handler.Handle(command);
    }

    public int Diagnose(Settings settings, bool json)
    {
        var (snapshots, launch) = Probes(settings);
        return new DiagnoseHandler(settings, snapshots, launch, Console.Out, Console.OpenStandardOutput(), new HookReader(settings.Root)).Handle(json);
    }

    /// <summary>The read-only probes that `run` and `diagnose` share, so both see the same snapshot.</summary>
    private static (SnapshotReader Snapshots, LaunchProbe Launch) Probes(Settings settings) =>
        (new SnapshotReader(settings.Root, () => MountInfoParser.Read()), new LaunchProbe(settings.Root, Environment.GetEnvironmentVariable));

    /// <summary>This very binary as the session helper of the hooks; none when it cannot be found.</summary>
    private static string[] HookSessionPrefix() =>
        Environment.ProcessPath is { } self ? [self, HookSession.Token] : [];
}
