using System.CommandLine;
using EntryPoint.Core;
using Serilog.Events;

namespace EntryPoint.Cli;

/// <summary>Merges flags and ENTRYPOINT_* variables into validated settings; every bad value is a usage error that names it.</summary>
public static class SettingsBinder
{
    public static Result<Settings> Bind(ParseResult parsed, CliOptions options, Func<string, string?> environment)
    {
        string? Text(Option<string> option)
        {
            return Given(parsed, option) ? parsed.GetValue(option) : Variable(option, environment);
        }

        IReadOnlyList<string> List(Option<string[]> option)
        {
            if (Given(parsed, option))
            {
                return parsed.GetValue(option) ?? [];
            }

            var variable = Variable(option, environment);
            return string.IsNullOrWhiteSpace(variable)
                ? []
                : variable.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        }

        Result<bool> Flag(Option<bool> option)
        {
            if (Given(parsed, option))
            {
                return Result<bool>.Ok(parsed.GetValue(option));
            }

            var name = CliOptions.Variables[option.Name];
            return ParseBoolean(name, environment(name));
        }

        var links = List(options.Link);
        var parsedLinks = LinkSpecParser.ParseAll(links.Count == 0 ? DefaultLinkTexts : links, List(options.Marker));
        if (!parsedLinks.IsOk)
        {
            return Result<Settings>.Fail(parsedLinks.Error);
        }

        var root = Text(options.Root);
        root = string.IsNullOrWhiteSpace(root) ? "/" : root;
        if (!root.StartsWith('/'))
        {
            root = Path.GetFullPath(root);
        }

        if (!Directory.Exists(root))
        {
            return Result<Settings>.Fail($"--root '{root}' is not a directory; expected an existing directory that stands for the container's /");
        }

        var strict = Flag(options.Strict);
        var dryRun = Flag(options.DryRun);
        var format = ParseFormat(Text(options.LogFormat));
        var level = ParseLevel(Text(options.LogLevel));
        var heapAuto = ParseNodeHeap(Text(options.NodeHeap));
        foreach (var error in new[] { strict.IsOk ? null : strict.Error, dryRun.IsOk ? null : dryRun.Error, format.IsOk ? null : format.Error, level.IsOk ? null : level.Error, heapAuto.IsOk ? null : heapAuto.Error })
        {
            if (error is not null)
            {
                return Result<Settings>.Fail(error);
            }
        }

        Core.Users.UserSpec? user = null;
        var userText = Text(options.User);
        if (!string.IsNullOrWhiteSpace(userText))
        {
            var spec = Core.Users.UserSpec.Parse(userText);
            if (!spec.IsOk)
            {
                return Result<Settings>.Fail($"--user / ENTRYPOINT_USER: {spec.Error}");
            }

            user = spec.Value;
        }

        var devices = List(options.RequireDevice);
        var badDevice = devices.FirstOrDefault(d => !d.StartsWith('/'));
        if (badDevice is not null)
        {
            return Result<Settings>.Fail($"required device '{badDevice}' is not an absolute path; expected e.g. --require-device /dev/gpiomem (ENTRYPOINT_REQUIRE_DEVICES, comma-separated)");
        }

        var hooksDir = Text(options.HooksDir)?.Trim();
        if (!string.IsNullOrEmpty(hooksDir) && !hooksDir.StartsWith('/'))
        {
            return Result<Settings>.Fail($"--hooks-dir / ENTRYPOINT_HOOKS_DIR '{hooksDir}' is not an absolute container path; expected e.g. {Settings.DefaultHooksDir}");
        }

        var hookTimeout = ParseSeconds("--hook-timeout / ENTRYPOINT_HOOK_TIMEOUT", Text(options.HookTimeout), Settings.DefaultHookTimeout);
        if (!hookTimeout.IsOk)
        {
            return Result<Settings>.Fail(hookTimeout.Error);
        }

        return Result<Settings>.Ok(new Settings
        {
            HooksDir = string.IsNullOrEmpty(hooksDir) ? Settings.DefaultHooksDir : Core.ContainerPath.Normalize(hooksDir),
            HookTimeout = hookTimeout.Value,
            User = user,
            RequiredDevices = devices.Select(Core.ContainerPath.Normalize).ToList(),
            NodeHeapAuto = heapAuto.Value,
            Links = parsedLinks.Value,
            Root = root.Length > 1 ? root.TrimEnd('/') : root,
            Strict = strict.Value,
            DryRun = dryRun.Value,
            LogFormat = format.Value,
            LogLevel = level.Value,
        });
    }

    private static readonly string[] DefaultLinkTexts =
        LinkSpecParser.Defaults.Select(l => $"{l.Name}={l.Source}:{l.Target}").ToArray();

    private static bool Given(ParseResult parsed, Option option) => parsed.GetResult(option) is { Implicit: false };

    private static string? Variable(Option option, Func<string, string?> environment) =>
        environment(CliOptions.Variables[option.Name]);

    public static Result<bool> ParseBoolean(string name, string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" => Result<bool>.Ok(false),
        "1" or "true" or "yes" or "on" => Result<bool>.Ok(true),
        "0" or "false" or "no" or "off" => Result<bool>.Ok(false),
        _ => Result<bool>.Fail($"{name}='{value}' is not a boolean; expected true/false, yes/no, on/off or 1/0"),
    };

    /// <summary>A positive number of seconds ("60", "2.5", "90s"); empty means the default.</summary>
    public static Result<TimeSpan> ParseSeconds(string name, string? value, TimeSpan fallback)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return Result<TimeSpan>.Ok(fallback);
        }

        var number = text.EndsWith('s') ? text[..^1] : text;
        return double.TryParse(number, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
               && seconds > 0 && seconds <= 7 * 24 * 3600
            ? Result<TimeSpan>.Ok(TimeSpan.FromSeconds(seconds))
            : Result<TimeSpan>.Fail($"{name} '{value}' is not a number of seconds; expected a positive number such as 60 or 2.5");
    }

    /// <summary>auto or off (the default), in any case, as the other words of the command line.</summary>
    public static Result<bool> ParseNodeHeap(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "off" => Result<bool>.Ok(false),
        "auto" => Result<bool>.Ok(true),
        _ => Result<bool>.Fail($"--node-heap / ENTRYPOINT_NODE_HEAP '{value}' is not known; expected auto or off"),
    };

    public static Result<LogFormat> ParseFormat(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "text" => Result<LogFormat>.Ok(LogFormat.Text),
        "json" => Result<LogFormat>.Ok(LogFormat.Json),
        _ => Result<LogFormat>.Fail($"log format '{value}' is not known; expected text or json (--log-format / ENTRYPOINT_LOG_FORMAT)"),
    };

    public static Result<LogEventLevel> ParseLevel(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "information" or "info" => Result<LogEventLevel>.Ok(LogEventLevel.Information),
        "verbose" or "trace" => Result<LogEventLevel>.Ok(LogEventLevel.Verbose),
        "debug" => Result<LogEventLevel>.Ok(LogEventLevel.Debug),
        "warning" or "warn" => Result<LogEventLevel>.Ok(LogEventLevel.Warning),
        "error" => Result<LogEventLevel>.Ok(LogEventLevel.Error),
        "fatal" => Result<LogEventLevel>.Ok(LogEventLevel.Fatal),
        _ => Result<LogEventLevel>.Fail($"log level '{value}' is not known; expected verbose, debug, information, warning, error or fatal (--log-level / ENTRYPOINT_LOG_LEVEL)"),
    };
}
