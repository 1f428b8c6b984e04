using EntryPoint.Core;
using EntryPoint.Os.Native;

namespace EntryPoint.Os.Exec;

/// <summary>Where a command was found, or why not, with the exit code a shell would give (126/127).</summary>
public sealed record ResolvedCommand(string? Path, int ExitCode, string? Problem);

/// <summary>Finds COMMAND as execvp and a shell do: a name with a slash is used as is, else PATH is searched.</summary>
public static class CommandResolver
{
    public const int NotExecutable = 126;
    public const int NotFound = 127;

    /// <summary>What glibc's execvp searches when PATH is unset; Docker always sets it, but an image may not.</summary>
    public const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    public static ResolvedCommand Resolve(string command, string? pathVariable)
    {
        if (command.Length == 0)
        {
            return new ResolvedCommand(null, NotFound, "the command is an empty string");
        }

        if (command.Contains('/'))
        {
            return Check(command) ?? new ResolvedCommand(command, 0, null);
        }

        ResolvedCommand? firstProblem = null;
        foreach (var dir in (pathVariable ?? DefaultPath).Split(':'))
        {
            var candidate = Path.Combine(dir.Length == 0 ? "." : dir, command);
            var (status, errno) = Statx.Stat(candidate);
            if (errno != 0 || status.IsDirectory)
            {
                continue;
            }

            var problem = Check(candidate);
            if (problem is null)
            {
                return new ResolvedCommand(candidate, 0, null);
            }

            // Like a shell: a file found but not executable is remembered, and the search goes on.
            firstProblem ??= problem;
        }

        return firstProblem ?? new ResolvedCommand(null, NotFound, $"{command}: command not found in PATH ({pathVariable ?? DefaultPath})");
    }

    private static ResolvedCommand? Check(string path)
    {
        var (status, errno) = Statx.Stat(path);
        if (errno != 0)
        {
            return new ResolvedCommand(null, errno == Errno.EACCES ? NotExecutable : NotFound, $"{path}: {Errno.Describe(errno)}");
        }

        if (status.IsDirectory)
        {
            return new ResolvedCommand(null, NotExecutable, $"{path}: is a directory");
        }

        var access = Access.CanExecute(path);
        return access.Ok ? null : new ResolvedCommand(null, NotExecutable, $"{path}: not executable ({access.Message})");
    }
}
