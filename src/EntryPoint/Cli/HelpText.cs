namespace EntryPoint.Cli;

/// <summary>Help written by hand: it must show the usage "COMMAND [ARGS...]" and every ENTRYPOINT_* variable.</summary>
public static class HelpText
{
    public const string Run = """
        entrypoint - prepares a container's custom code mounts, then becomes the app

        Usage:
          entrypoint [OPTIONS] [--] COMMAND [ARGS...]     prepare, then exec COMMAND (same as 'entrypoint run ...')
          entrypoint diagnose [OPTIONS] [--json] [--strict]
                                                         probe only, change nothing, print a report
          entrypoint --help | --version

        For each link, SOURCE is where you mount your code (e.g. -v ./modules:/app/custom-modules:ro) and TARGET is
        where the app reads it. When SOURCE has content, TARGET becomes a symlink to it; a TARGET that is itself a
        mount point is never touched, and nothing but placeholder files and symlinks is ever deleted.
        COMMAND starts at the first token that is not an option of the entrypoint, and it and its arguments go to
        the app untouched (PATH is searched). Log lines go to stderr; the app keeps stdout.

        Options (each has an environment variable; a flag wins over it):
          --link [NAME=]SOURCE:TARGET   link to prepare; repeatable             ENTRYPOINT_LINKS (comma-separated)
                                        default: modules=/app/custom-modules:/app/modules/custom,
                                                 mcp=/app/custom-mcp:/app/server/mcp/custom
          --marker NAME=FILE[|FILE...]  files that make an entry of link NAME  ENTRYPOINT_MARKERS (comma-separated)
                                        visible to the app (defaults: modules=module.yaml,
                                        mcp=package.json|index.js|build/index.js)
          --root DIR                    take every container path under DIR    ENTRYPOINT_ROOT (default /)
          --strict                      warnings fail the start or diagnose    ENTRYPOINT_STRICT (true/false)
          --log-format text|json        log line format                        ENTRYPOINT_LOG_FORMAT (default text)
          --log-level LEVEL             verbose, debug, information, warning,  ENTRYPOINT_LOG_LEVEL
                                        error or fatal                          (default information)
          --dry-run                     plan and log, change nothing, still    ENTRYPOINT_DRY_RUN (true/false)
                                        exec COMMAND
          --user USER[:GROUP]           run the app as this user (name from    ENTRYPOINT_USER
                                        the image's /etc/passwd, or uid:gid);
                                        started as root: prepare, then drop
          --require-device PATH         a device the app needs, e.g.           ENTRYPOINT_REQUIRE_DEVICES
                                        /dev/gpiomem; repeatable                 (comma-separated)
          --node-heap auto|off          auto: when NODE_OPTIONS has no         ENTRYPOINT_NODE_HEAP
                                        --max-old-space-size, set it to 75%
                                        of the container's memory limit
          --hooks-dir DIR               start-up hooks: each executable file   ENTRYPOINT_HOOKS_DIR
                                        in DIR runs in name order after the     (default /docker-entrypoint.d)
                                        links are made, as the app's user with
                                        the app's environment; hidden files
                                        are ignored; a failing hook stops the
                                        start
          --hook-timeout SECONDS        how long one hook may run before it    ENTRYPOINT_HOOK_TIMEOUT
                                        and its process group are killed        (default 60)
          --json                        (diagnose) print the report as JSON
          -h, --help                    show this help
          --version                     show the version

        Exit codes: diagnose 0 healthy, 1 an error found (with --strict, a warning too), 2 usage error (a bad
        value, including a --user the image lacks). run, before the exec: 1 setup failed, 2 usage error or no
        COMMAND, 126 COMMAND not executable, 127 COMMAND not found; after the exec, the exit code is the app's.

        Examples:
          docker run -v ./modules:/app/custom-modules:ro IMAGE               (ENTRYPOINT entrypoint, CMD node build/index.js)
          docker exec CONTAINER entrypoint diagnose
          entrypoint --link plugins=/srv/plugins:/app/plugins --marker plugins=plugin.json -- node server.js
        """;
}
