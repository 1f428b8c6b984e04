using EntryPoint.Core;

namespace EntryPoint.App;

/// <summary>Facts about how the app will be started that the link plan does not cover.</summary>
public static class ProcessFacts
{
    private static readonly string[] Inits = ["docker-init", "tini", "dumb-init", "catatonit", "s6-svscan", "systemd", "init", "runit"];

    /// <summary>
    /// PID 1 gets no default action for signals it does not handle, so a SIGTERM from `docker stop` is dropped
    /// unless the app handles it, and the container is killed after the grace period.
    /// </summary>
    public static Finding? Pid1WithoutInit(bool appWillBePid1, string commandName)
    {
        if (!appWillBePid1)
        {
            return null;
        }

        return Finding.Info("pid1-no-init", null,
            $"{commandName} will run as PID 1 without an init: PID 1 gets no default action for signals it does not handle, so the app must handle SIGTERM itself",
            "run the container with an init (docker run --init, or init: true in compose), or handle SIGTERM in the app");
    }

    /// <summary>In `diagnose` (run by docker exec), whether PID 1 of the container is the app itself rather than an init.</summary>
    public static bool Pid1IsNotAnInit()
    {
        try
        {
            var comm = File.ReadAllText("/proc/1/comm").Trim();
            return !Inits.Contains(comm) && comm != "entrypoint";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
