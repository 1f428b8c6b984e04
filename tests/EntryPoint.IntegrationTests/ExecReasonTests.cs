namespace EntryPoint.IntegrationTests;

/// <summary>
/// A script without its #! line, or with an interpreter the image lacks, is the usual reason an exec fails; the app
/// and a start-up hook go through the same exec and get the same words for it.
/// </summary>
public sealed class ExecReasonTests : IDisposable
{
    private readonly Namespace _ns = new();

    public void Dispose() => _ns.Dispose();

    private string Script(string containerPath, string text)
    {
        _ns.File($"{_ns.Root}{containerPath}", text);
        File.SetUnixFileMode($"{_ns.Root}{containerPath}", (UnixFileMode)0x1ED);
        return containerPath;
    }

    [SkippableFact]
    public void An_app_script_without_a_shebang_or_with_a_missing_interpreter_exits_126_or_127_saying_which()
    {
        Namespace.SkipUnlessPossible();
        Script("/app/no-shebang.sh", "echo hi\n");
        Script("/app/no-interpreter.sh", "#!/nonexistent/bash\necho hi\n");

        var result = _ns.Run("""
            "$BIN" --root "$ROOT" "$ROOT/app/no-shebang.sh" || echo "noshebang=$?"
            "$BIN" --root "$ROOT" "$ROOT/app/no-interpreter.sh" || echo "nointerpreter=$?"
            """);

        Assert.Contains("noshebang=126", result.Stdout);
        Assert.Contains("nointerpreter=127", result.Stdout);
        Assert.Contains("no-shebang.sh: exec format error (a script needs a first line such as #!/bin/sh)", result.Stderr);
        Assert.Contains("no-interpreter.sh: no such file, or the interpreter on its #! line is missing", result.Stderr);
    }

    [SkippableFact]
    public void A_hook_without_a_shebang_stops_the_start_and_its_log_says_why()
    {
        Namespace.SkipUnlessPossible();
        Script("/docker-entrypoint.d/10-plain", "echo hi\n");

        var result = _ns.Run("""
            "$BIN" --root "$ROOT" -- echo started || echo "code=$?"
            """);

        Assert.Contains("code=1", result.Stdout);
        Assert.DoesNotContain("started", result.Stdout);
        Assert.Contains("hook 10-plain: cannot run /", result.Stderr);
        Assert.Contains("10-plain: exec format error (a script needs a first line such as #!/bin/sh)", result.Stderr);
    }
}
