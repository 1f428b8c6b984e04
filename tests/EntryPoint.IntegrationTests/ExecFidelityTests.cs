namespace EntryPoint.IntegrationTests;

/// <summary>What the app inherits through the execve: signals, descriptors, environment, and the log before it.</summary>
public sealed class ExecFidelityTests : IDisposable
{
    private readonly Namespace _ns = new();

    public void Dispose() => _ns.Dispose();

    [SkippableFact]
    public void The_app_gets_default_signal_dispositions_and_an_empty_mask()
    {
        Namespace.SkipUnlessPossible();

        // The shell ignores SIGPIPE and SIGUSR1 first: the app must not inherit that either.
        var result = _ns.Run("""
            trap '' PIPE USR1
            "$BIN" --root "$ROOT" grep -E '^(SigIgn|SigBlk)' /proc/self/status
            """);

        Assert.True(result.Code == 0, result.Stderr);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.Matches(@"^Sig(Ign|Blk):\s+0+$", l));
    }

    [SkippableFact]
    public void The_app_gets_descriptors_0_1_and_2_only()
    {
        Namespace.SkipUnlessPossible();

        var result = _ns.Run("""
            exec 7</dev/null 9>"$ROOT/../fd9"
            "$BIN" --root "$ROOT" sh -c 'ls /proc/$$/fd'
            """);

        Assert.True(result.Code == 0, result.Stderr);
        Assert.Equal(["0", "1", "2"], result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [SkippableFact]
    public void The_app_gets_the_environment_byte_for_byte_in_order_with_duplicates_and_entries_without_equals()
    {
        Namespace.SkipUnlessPossible();
        Skip.IfNot(Shell.Run("sh", ["-c", "command -v python3"]).Code == 0, "needs python3 to call execve with a hand-made environment");

        // execve with an environment no shell would make: order, a duplicate, an entry without '=', bytes that are not UTF-8.
        var result = _ns.Run("""
            python3 - "$BIN" "$ROOT" <<'PY'
            import ctypes, sys
            libc = ctypes.CDLL(None, use_errno=True)
            def arr(items):
                a = (ctypes.c_char_p * (len(items) + 1))(*items, None)
                return a
            env = [b"ZED=last-first", b"PATH=/usr/bin:/bin", b"NOEQUALS", b"DUP=one", b"DUP=two", b"RAW=\xff\xfe caf\xc3\xa9", b"EMPTY=", b"A=1"]
            argv = [sys.argv[1].encode(), b"--root", sys.argv[2].encode(), b"sh", b"-c", b"cat /proc/$$/environ | od -An -c"]
            libc.execve(sys.argv[1].encode(), arr(argv), arr(env))
            sys.exit("execve failed: %d" % ctypes.get_errno())
            PY
            echo "--- expected"
            printf 'ZED=last-first\0PATH=/usr/bin:/bin\0NOEQUALS\0DUP=one\0DUP=two\0RAW=\377\376 caf\303\251\0EMPTY=\0A=1\0' | od -An -c
            """);

        Assert.True(result.Code == 0, result.Stderr);
        var parts = result.Stdout.Split("--- expected");
        Assert.Equal(parts[1].Trim(), parts[0].Trim());
    }

    [SkippableFact]
    public void The_last_log_line_is_written_before_the_app_starts_in_text_and_json_and_through_a_pipe()
    {
        Namespace.SkipUnlessPossible();
        Directory.CreateDirectory($"{_ns.Root}/app/custom-modules");

        var result = _ns.Run("""
            "$BIN" --root "$ROOT" sh -c 'echo APP-FIRST-LINE >&2' 2>"$ROOT/../text.log"
            ENTRYPOINT_LOG_FORMAT=json "$BIN" --root "$ROOT" sh -c 'echo APP-FIRST-LINE >&2' 2>"$ROOT/../json.log"
            "$BIN" --root "$ROOT" sh -c 'echo APP-FIRST-LINE >&2' 2>&1 | cat > "$ROOT/../pipe.log"
            """);

        Assert.True(result.Code == 0, result.Stderr);
        foreach (var name in new[] { "text.log", "json.log", "pipe.log" })
        {
            var lines = File.ReadAllLines($"{_ns.Dir}/{name}");
            Assert.True(lines.Length >= 2, name + ": " + string.Join('\n', lines));
            Assert.Equal("APP-FIRST-LINE", lines[^1]);
            Assert.Matches(@"exec \\?""?sh -c", lines[^2]);
        }
    }
}
