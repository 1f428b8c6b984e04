using Serilog.Core;
using Serilog.Events;

namespace EntryPoint.Tests;

/// <summary>Keeps every Serilog event in memory, for tests that look at what was logged.</summary>
public sealed class MemorySink : ILogEventSink
{
    public List<LogEvent> Events { get; } = [];

    public void Emit(LogEvent logEvent)
    {
        lock (Events)
        {
            Events.Add(logEvent);
        }
    }

    /// <summary>"Level: rendered message", one a line, in the order logged.</summary>
    public List<string> Messages()
    {
        lock (Events)
        {
            return Events.Select(e => $"{e.Level}: {e.RenderMessage()}").ToList();
        }
    }
}
