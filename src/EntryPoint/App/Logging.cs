using EntryPoint.Core;
using Serilog;
using Serilog.Core;
using Serilog.Sinks.SystemConsole.Themes;

namespace EntryPoint.App;

/// <summary>Serilog set up in code. Every event goes to stderr, so the app's stdout stays the app's.</summary>
public static class Logging
{
    public static Logger Create(Settings settings)
    {
        var config = new LoggerConfiguration().MinimumLevel.Is(settings.LogLevel);
        return settings.LogFormat == LogFormat.Json
            ? config.WriteTo.Console(new JsonLogFormatter(), standardErrorFromLevel: Serilog.Events.LogEventLevel.Verbose).CreateLogger()
            : config.WriteTo.Console(
                outputTemplate: "{Timestamp:HH:mm:ss} [{Level:u3}] entrypoint: {Message:lj}{NewLine}{Exception}",
                theme: ConsoleTheme.None,
                standardErrorFromLevel: Serilog.Events.LogEventLevel.Verbose,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture).CreateLogger();
    }
}
