using EntryPoint.App;
using EntryPoint.Cli;
using EntryPoint.Core;
using EntryPoint.Core.Linking;
using EntryPoint.Core.Mounts;
using EntryPoint.Os;
using EntryPoint.Os.Exec;

// The composition root: the only place that knows which adapter serves which port. No DI container (AOT).
return EntryPointCommand.Invoke(args, new Handlers(), Environment.GetEnvironmentVariable, Console.Out, Console.Error);

internal sealed class Handlers : IHandlers
{
    public int Run(Settings settings, IReadOnlyList<string> command)
    {
        using var log = Logging.Create(settings);
        var snapshots = new SnapshotReader(settings.Root, () => MountInfoParser.Read());
        var applier = new Applier(new LinkWriter(settings.Root), snapshots, Environment.ProcessId);
        var launch = new LaunchProbe(settings.Root, Environment.GetEnvironmentVariable);
        var handler = new RunHandler(settings, snapshots, launch, applier, new PrivilegeDrop(), new ProcessReplacer(), log,
            Environment.GetEnvironmentVariable, AppEnvironment(), Environment.ProcessId);
        return handler.Handle(command);
    }

    public int Diagnose(Settings settings, bool json)
    {
        var snapshots = new SnapshotReader(settings.Root, () => MountInfoParser.Read());
        var launch = new LaunchProbe(settings.Root, Environment.GetEnvironmentVariable);
        return new DiagnoseHandler(settings, snapshots, launch, Console.Out, Console.OpenStandardOutput()).Handle(json);
    }

    private static List<KeyValuePair<string, string>> AppEnvironment() =>
        Environment.GetEnvironmentVariables()
            .Cast<System.Collections.DictionaryEntry>()
            .Select(e => new KeyValuePair<string, string>((string)e.Key, (string?)e.Value ?? ""))
            .ToList();
}
