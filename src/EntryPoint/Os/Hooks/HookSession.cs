using EntryPoint.Core;
using EntryPoint.Os.Native;

namespace EntryPoint.Os.Hooks;

/// <summary>
/// The tiny helper that starts a hook in a session of its own: `entrypoint --internal-hook-session PATH` calls
/// setsid() and execve()s PATH with the environment it was given. .NET's Process.Start cannot run code between fork
/// and exec, so the entrypoint starts itself as this helper; the hook then leads its own process group, and a
/// timeout kills the group, background children included.
/// </summary>
public static class HookSession
{
    /// <summary>Looks like an option, so it can never be an app's COMMAND (an unknown option is a usage error).</summary>
    public const string Token = "--internal-hook-session";

    public static int Exec(string path)
    {
        SetSid.Start();
        var environment = Environment.GetEnvironmentVariables()
            .Cast<System.Collections.DictionaryEntry>()
            .Select(e => $"{e.Key}={e.Value}")
            .ToList();
        CloseRange.MarkAllCloseOnExec();
        Signals.ResetForExec();
        var errno = Execve.Run(path, [path], environment);
        var why = errno == Errno.ENOEXEC
            ? "exec format error (a script needs a first line such as #!/bin/sh)"
            : errno == Errno.ENOENT
                ? "no such file, or the interpreter on its #! line is missing"
                : Errno.Describe(errno);
        Console.Error.WriteLine($"cannot run {path}: {why}");
        return errno == Errno.ENOENT ? 127 : 126;
    }
}
