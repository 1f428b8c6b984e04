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
        return (code, $"{path}: cannot execute: {Errno.Describe(errno)}");
    }
}
