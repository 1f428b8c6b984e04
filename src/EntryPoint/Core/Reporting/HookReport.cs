using System.Globalization;
using System.Text.Json;
using EntryPoint.Core.Hooks;

namespace EntryPoint.Core.Reporting;

/// <summary>The start-up hooks section of `diagnose`: what `run` would run, in order, and what it would skip and why.</summary>
public static class HookReport
{
    public static void WriteJson(Utf8JsonWriter json, HookPlan plan, TimeSpan timeout)
    {
        json.WriteString("hooks_dir", plan.Dir);
        json.WriteString("hooks_dir_state", State(plan.State));
        json.WriteNumber("hook_timeout_seconds", timeout.TotalSeconds);
        json.WriteStartArray("hooks");
        foreach (var hook in plan.Hooks)
        {
            json.WriteStartObject();
            json.WriteString("name", hook.Name);
            json.WriteString("path", hook.Path);
            json.WriteBoolean("runs", hook.Runs);
            json.WriteString("skipped", hook.Skipped);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    public static void WriteText(TextWriter output, HookPlan plan, TimeSpan timeout)
    {
        output.WriteLine();
        var seconds = timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        if (plan.Hooks.Count == 0)
        {
            output.WriteLine($"hooks {plan.Dir}: {(plan.State == HookDirState.Directory ? "empty" : State(plan.State))}, none to run");
            return;
        }

        var runs = plan.Hooks.Count(h => h.Runs);
        output.WriteLine($"hooks {plan.Dir}: {runs} would run in this order, as the app's user, {seconds} s each at most (not run by diagnose)");
        foreach (var hook in plan.Hooks)
        {
            output.WriteLine($"  {hook.Name}  {(hook.Runs ? "runs" : "skipped: " + hook.Skipped)}");
        }
    }

    private static string State(HookDirState state) => state switch
    {
        HookDirState.Missing => "missing",
        HookDirState.NotADirectory => "not a directory",
        HookDirState.Unreadable => "unreadable",
        _ => "directory",
    };
}
