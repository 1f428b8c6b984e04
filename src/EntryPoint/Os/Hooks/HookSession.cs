using EntryPoint.Os.Exec;
using EntryPoint.Os.Native;

namespace EntryPoint.Os.Hooks;

/// <summary>
/// The tiny helper that starts a hook in a session of its own: `entrypoint --internal-hook-session PATH` calls
/// setsid(), makes its stderr the same pipe as its stdout, and execve()s PATH with the environment it was given.
/// .NET's Process.Start cannot run code between fork and exec, so the entrypoint starts itself as this helper. The
/// hook then leads its own process group, so a timeout kills the group, background children included. And with one
/// pipe instead of two, its lines reach the log in the order it wrote them: two pipes are read by two threads, and
/// an error line could appear before the line that led to it.
/// </summary>
public static class HookSession
{
    /// <summary>Looks like an option, so it can never be an app's COMMAND (an unknown option is a usage error).</summary>
    public const string Token = "--internal-hook-session";

    public static int Exec(string path)
    {
        SetSid.Start();

        // Should it fail, the hook still runs with two pipes; only the order across them is lost.
        Dup2.Onto(1, 2);
        var (code, problem) = new ProcessReplacer().Replace(path, [path], EnvironmentBlock.Current());
        Console.Error.WriteLine($"cannot run {problem}");
        return code;
    }
}
