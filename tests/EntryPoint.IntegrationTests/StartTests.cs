namespace EntryPoint.IntegrationTests;

/// <summary>
/// How a start goes end to end: the explicit `run` verb, the PID 1 finding, and --strict on a link warning. The
/// published binary, as root, in a private mount and PID namespace.
/// </summary>
public sealed class StartTests : IDisposable
{
    private readonly Namespace _ns = new();

    public void Dispose() => _ns.Dispose();

    private void ImageTreeWithModulesOnHost()
    {
        _ns.File($"{_ns.Root}/app/modules/custom/.gitkeep");
        Directory.CreateDirectory($"{_ns.Root}/app/custom-modules");
        Directory.CreateDirectory($"{_ns.Root}/app/custom-mcp");
        _ns.File($"{_ns.Host}/mods/weather/module.yaml", "name: weather");
    }

    [SkippableFact]
    public void The_run_verb_execs_the_command_with_its_arguments_untouched_as_without_the_verb()
    {
        Namespace.SkipUnlessPossible();
        ImageTreeWithModulesOnHost();

        var result = _ns.Run("""
            echo "verb=$("$BIN" run --root "$ROOT" printf '[%s]' --root --strict "a  b" run -- diagnose)"
            echo "noverb=$("$BIN" --root "$ROOT" printf '[%s]' --root --strict "a  b" run -- diagnose)"
            "$BIN" run --root "$ROOT" -- sh -c 'exit 7' || echo "code=$?"
            """);

        Assert.True(result.Code == 0, result.Stderr);
        var lines = result.Stdout.Split('\n');
        Assert.Contains("verb=[--root][--strict][a  b][run][--][diagnose]", lines);
        Assert.Contains("noverb=[--root][--strict][a  b][run][--][diagnose]", lines);
        Assert.Contains("code=7", lines);
        Assert.Contains("exec printf [%s] --root --strict a  b run -- diagnose", result.Stderr);
    }

    [SkippableFact]
    public void As_pid_1_a_run_logs_the_pid1_no_init_finding_and_not_otherwise()
    {
        Namespace.SkipUnlessPossible();
        ImageTreeWithModulesOnHost();

        // bash is PID 1 of the namespace: first the entrypoint runs as its child, then bash execs it.
        var result = _ns.Run("""
            "$BIN" --root "$ROOT" -- echo child-started
            echo "=== pid 1" >&2
            exec "$BIN" --root "$ROOT" -- sh -c 'echo "pid1-started pid=$$"'
            """);

        Assert.True(result.Code == 0, result.Stderr);
        Assert.Contains("child-started", result.Stdout);
        Assert.Contains("pid1-started pid=1", result.Stdout);
        var at = result.Stderr.IndexOf("=== pid 1", StringComparison.Ordinal);
        Assert.True(at >= 0, result.Stderr);
        var asChild = result.Stderr[..at];
        var asPid1 = result.Stderr[at..];
        Assert.DoesNotContain("pid1-no-init", asChild);
        Assert.Contains("pid1-no-init", asPid1);
        Assert.Contains("[INF] entrypoint: sh will run as PID 1", asPid1);
        Assert.Contains("docker run --init", asPid1);
    }

    [SkippableFact]
    public void Strict_with_custom_code_mounted_read_write_stops_with_exit_1_changes_nothing_and_without_strict_it_starts()
    {
        Namespace.SkipUnlessPossible();
        ImageTreeWithModulesOnHost();

        var result = _ns.Run("""
            mount --bind "$HOSTDIR/mods" "$ROOT/app/custom-modules"
            "$BIN" --root "$ROOT" --strict -- echo started-with-flag || echo "flag=$?"
            ENTRYPOINT_STRICT=true "$BIN" --root "$ROOT" -- echo started-with-variable || echo "variable=$?"
            if [ -L "$ROOT/app/modules/custom" ]; then echo after-strict=symlink; else echo after-strict=directory; fi
            if [ -f "$ROOT/app/modules/custom/.gitkeep" ]; then echo placeholder=kept; fi
            echo "=== plain" >&2
            "$BIN" --root "$ROOT" -- echo started-plain
            """);

        Assert.True(result.Code == 0, result.Stderr);
        Assert.Contains("flag=1", result.Stdout);
        Assert.Contains("variable=1", result.Stdout);
        Assert.DoesNotContain("started-with-flag", result.Stdout);
        Assert.DoesNotContain("started-with-variable", result.Stdout);
        Assert.Contains("after-strict=directory", result.Stdout);
        Assert.Contains("placeholder=kept", result.Stdout);

        var at = result.Stderr.IndexOf("=== plain", StringComparison.Ordinal);
        Assert.True(at >= 0, result.Stderr);
        var strict = result.Stderr[..at];
        Assert.Contains("custom-code-read-write", strict);
        Assert.Contains("start stopped before any change: warnings with --strict", strict);
        Assert.DoesNotContain("   at ", strict);

        Assert.Contains("started-plain", result.Stdout);
        Assert.Contains("custom-code-read-write", result.Stderr[at..]);
        Assert.Equal("../custom-modules", new FileInfo($"{_ns.Root}/app/modules/custom").LinkTarget);
    }
}
