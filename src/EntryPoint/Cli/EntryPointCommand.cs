using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using EntryPoint.Core;

namespace EntryPoint.Cli;

/// <summary>The verbs a handler serves; the composition root supplies them, so the CLI only parses and wires.</summary>
public interface IHandlers
{
    int Run(Settings settings, IReadOnlyList<string> command);
    int Diagnose(Settings settings, bool json);
}

/// <summary>Parses the command line and calls a handler with typed values. Nothing else happens here.</summary>
public static class EntryPointCommand
{
    private static readonly IReadOnlySet<string> Verbs = new HashSet<string> { "run", "diagnose" };

    public static int Invoke(IReadOnlyList<string> args, IHandlers handlers, Func<string, string?> environment, TextWriter stdout, TextWriter stderr)
    {
        var options = new CliOptions();
        var split = ArgumentSplitter.Split(args, options.Flags, options.Valued, Verbs);
        if (split.Unknown.Count > 0)
        {
            stderr.WriteLine($"entrypoint: unknown option {split.Unknown[0]}; options of the entrypoint come before COMMAND, and '--' ends them");
            stderr.WriteLine("Run 'entrypoint --help' for usage.");
            return ExitCodes.Usage;
        }

        var root = Build(options, handlers, environment, stderr, stdout);

        // The app's command line goes after "--", where the parser takes every token as an argument.
        var tokens = split.Command.Count == 0 ? split.Own.ToArray() : [.. split.Own, "--", .. split.Command];
        var parsed = root.Parse(tokens, new ParserConfiguration { ResponseFileTokenReplacer = null });

        if (parsed.Action is not HelpTextAction && parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine($"entrypoint: {error.Message}");
            }

            stderr.WriteLine("Run 'entrypoint --help' for usage.");
            return ExitCodes.Usage;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
    }

    private static RootCommand Build(CliOptions options, IHandlers handlers, Func<string, string?> environment, TextWriter stderr, TextWriter stdout)
    {
        var root = new RootCommand("Prepares a container's custom code mounts, then becomes the app.");
        foreach (var option in options.Shared)
        {
            root.Options.Add(option);
        }

        root.Arguments.Add(options.Command);

        var run = new Command("run", "Prepare, then exec COMMAND (the default).");
        var runCommand = new Argument<string[]>("COMMAND") { Arity = ArgumentArity.ZeroOrMore };
        run.Arguments.Add(runCommand);

        var diagnose = new Command("diagnose", "Probe only, change nothing, print a report.");
        diagnose.Options.Add(options.Json);

        root.Subcommands.Add(run);
        root.Subcommands.Add(diagnose);

        foreach (var help in root.Options.OfType<HelpOption>())
        {
            help.Action = new HelpTextAction(stdout);
        }

        int WithSettings(ParseResult parsed, Func<Settings, int> handler)
        {
            var settings = SettingsBinder.Bind(parsed, options, environment);
            if (!settings.IsOk)
            {
                stderr.WriteLine($"entrypoint: {settings.Error}");
                stderr.WriteLine("Run 'entrypoint --help' for usage.");
                return ExitCodes.Usage;
            }

            return handler(settings.Value);
        }

        root.SetAction(parsed => WithSettings(parsed, s => handlers.Run(s, parsed.GetValue(options.Command) ?? [])));
        run.SetAction(parsed => WithSettings(parsed, s => handlers.Run(s, parsed.GetValue(runCommand) ?? [])));
        diagnose.SetAction(parsed => WithSettings(parsed, s => handlers.Diagnose(s, parsed.GetValue(options.Json))));
        return root;
    }

    private sealed class HelpTextAction(TextWriter stdout) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            stdout.WriteLine(HelpText.Run);
            return ExitCodes.Ok;
        }
    }
}
