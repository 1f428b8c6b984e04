using EntryPoint.Core;
using EntryPoint.Os.Native;
using Errno = EntryPoint.Core.Errno;

namespace EntryPoint.Os.Exec;

/// <summary>Replaces this process with the app: same PID, so signals and the exit code are the app's own.</summary>
public interface IProcessReplacer
{
    /// <summary>Returns only when execve failed: the exit code and why.</summary>
    (int ExitCode, string Problem) Replace(string path, IReadOnlyList<string> argv, IReadOnlyList<KeyValuePair<string, string>> environment);
}

public sealed class ProcessReplacer : IProcessReplacer
{
    public (int ExitCode, string Problem) Replace(string path, IReadOnlyList<string> argv, IReadOnlyList<KeyValuePair<string, string>> environment)
    {
        var env = EnvironmentBlock.Merge(EnvironmentBlock.ReadRaw(), environment);
        CloseRange.MarkAllCloseOnExec();
        Signals.ResetForExec();
        var errno = Execve.Run(path, argv, env);
        var code = errno is Errno.ENOENT ? CommandResolver.NotFound : CommandResolver.NotExecutable;
        return (code, $"{path}: {Why(errno)}");
    }

    // The file was there a moment ago, so ENOENT and ENOEXEC are about its first line, the usual script mistakes.
    private static string Why(int errno) => errno switch
    {
        Errno.ENOEXEC => "exec format error (a script needs a first line such as #!/bin/sh)",
        Errno.ENOENT => "no such file, or the interpreter on its #! line is missing",
        _ => Errno.Describe(errno),
    };
}
