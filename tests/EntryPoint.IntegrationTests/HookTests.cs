using System.Text.Json;

namespace EntryPoint.IntegrationTests;

/// <summary>Start-up hooks run by the published binary as root in a namespace: order, user, environment, log, timeout.</summary>
public sealed class HookTests : IDisposable
{
    private readonly Namespace _ns = new();

    public HookTests()
    {
        // 0777, so the hooks may write their marks there.
        _ns.ImageWithAppUser((UnixFileMode)0x1FF);
    }

    public void Dispose() => _ns.Dispose();

    private void Hook(string name, string body, int mode = 0x1ED)
    {
        _ns.File($"{_ns.Root}/docker-entrypoint.d/{name}", "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode($"{_ns.Root}/docker-entrypoint.d/{name}", (UnixFileMode)mode);
    }

    [SkippableFact]
    public void Hooks_run_in_order_after_the_drop_as_the_app_user_with_the_apps_environment_and_log_with_their_names()
    {
        Namespace.SkipUnlessPossible();
        Hook("20-who.sh", "echo \"who=$(id -u):$(id -g) home=$HOME marker=$MARKER pid=$$\"; echo \"to stderr\" >&2");
        Hook("10-first.sh", "echo first >> \"$HOSTDIR/order\"");
        Hook("30-last", "echo last >> \"$HOSTDIR/order\"");
        Hook("15-plain.txt", "echo plain >> \"$HOSTDIR/order\"", mode: 0x1A4);
        Hook(".hidden.sh", "echo hidden >> \"$HOSTDIR/order\"");

        var result = _ns.Run("""
            exec "$BIN" --root "$ROOT" --user app sh -c 'echo "app=$(id -u) home=$HOME"'
            """, new Dictionary<string, string> { ["MARKER"] = "a b=c" });

        Assert.True(result.Code == 0, result.Stderr);
        Assert.Contains("app=1001 home=/home/app", result.Stdout);
        Assert.Equal("first\nlast\n", File.ReadAllText($"{_ns.Host}/order"));
        Assert.Contains("entrypoint: hook 20-who.sh: who=1001:1001 home=/home/app marker=a b=c", result.Stderr);
        Assert.Contains("entrypoint: hook 20-who.sh: to stderr", result.Stderr);
        Assert.Contains("hook-not-executable", result.Stderr);
        Assert.Contains("15-plain.txt", result.Stderr);
        Assert.DoesNotContain("hidden", result.Stderr);

        // The hooks ran before the exec, and the app kept stdout.
        var lastHookDone = result.Stderr.IndexOf("hook 30-last: done", StringComparison.Ordinal);
        Assert.InRange(lastHookDone, 0, result.Stderr.IndexOf("exec sh -c", StringComparison.Ordinal));
        Assert.DoesNotContain("who=", result.Stdout);
    }

    [SkippableFact]
    public void A_hooks_stdout_and_stderr_lines_reach_the_log_in_the_order_it_wrote_them()
    {
        Namespace.SkipUnlessPossible();

        // Alternating streams with no pause between them: read from two pipes, some would swap places (CI saw it).
        Hook("10-mixed.sh", "i=1; while [ $i -le 40 ]; do echo \"out $i\"; echo \"err $i\" >&2; i=$((i+1)); done");

        var result = _ns.Run("""
            exec "$BIN" --root "$ROOT" --user app -- true
            """);

        Assert.True(result.Code == 0, result.Stderr);
        var logged = result.Stderr.Split('\n')
            .Select(l => l.IndexOf("hook 10-mixed.sh: ", StringComparison.Ordinal) is var at and >= 0 ? l[(at + 18)..] : null)
            .OfType<string>()
            .Where(l => l.StartsWith("out ", StringComparison.Ordinal) || l.StartsWith("err ", StringComparison.Ordinal))
            .ToList();
        var written = Enumerable.Range(1, 40).SelectMany(i => new[] { $"out {i}", $"err {i}" }).ToList();
        Assert.Equal(written, logged);
    }

    [SkippableFact]
    public void A_failing_hook_stops_the_start_with_exit_1_naming_it_and_its_exit_code()
    {
        Namespace.SkipUnlessPossible();
        Hook("10-fail.sh", "echo 'cannot reach the tunnel'; exit 4");
        Hook("20-next.sh", "touch \"$HOSTDIR/next-ran\"");

        var result = _ns.Run("""
            "$BIN" --root "$ROOT" --user 1001:1001 -- echo started || echo "code=$?"
            """);

        Assert.Contains("code=1", result.Stdout);
        Assert.DoesNotContain("started", result.Stdout);
        Assert.Contains("hook 10-fail.sh: cannot reach the tunnel", result.Stderr);
        Assert.Contains("hook 10-fail.sh (/docker-entrypoint.d/10-fail.sh) failed with exit code 4", result.Stderr);
        Log.AssertNoStackTrace(result.Stderr);
        Assert.False(File.Exists($"{_ns.Host}/next-ran"));
    }

    [SkippableFact]
    public void A_hook_the_app_user_cannot_run_or_a_skipped_one_under_strict_stops_the_start_before_any_hook_runs()
    {
        Namespace.SkipUnlessPossible();
        Hook("10-ok.sh", "touch \"$HOSTDIR/ok-ran\"");
        Hook("20-root-only.sh", "true", mode: 0x1C0); // 0700, root's
        Hook("30-notes.txt", "true", mode: 0x1A4);

        var result = _ns.Run("""
            "$BIN" --root "$ROOT" --user app -- echo started || echo "unrunnable=$?"
            chmod 755 "$ROOT/docker-entrypoint.d/20-root-only.sh"
            "$BIN" --root "$ROOT" --user app --strict -- echo started || echo "strict=$?"
            """);

        Assert.Contains("unrunnable=1", result.Stdout);
        Assert.Contains("strict=1", result.Stdout);
        Assert.DoesNotContain("started", result.Stdout);
        Assert.Contains("hook-not-runnable", result.Stderr);
        Assert.Contains("start stopped before any hook ran: warnings with --strict", result.Stderr);
        Assert.False(File.Exists($"{_ns.Host}/ok-ran"));
    }

    [SkippableFact]
    public void A_hanging_hook_is_killed_with_its_process_group_after_the_timeout_and_the_start_fails()
    {
        Namespace.SkipUnlessPossible();
        Hook("10-hang.sh", "sleep 300 & echo $! > \"$HOSTDIR/bg.pid\"; echo waiting; sleep 300");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = _ns.Run("""
            "$BIN" --root "$ROOT" --user app --hook-timeout 1 -- echo started || echo "code=$?"
            sleep 0.3
            pid=$(cat "$HOSTDIR/bg.pid")
            state=$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | cut -c1)
            case "$state" in ""|Z) echo "background=gone" ;; *) echo "background=alive:$state" ;; esac
            """, new Dictionary<string, string> { ["ENTRYPOINT_HOOK_TIMEOUT"] = "100" });

        Assert.Contains("code=1", result.Stdout);
        Assert.DoesNotContain("started", result.Stdout);
        Assert.Contains("background=gone", result.Stdout);
        Assert.Contains("hook 10-hang.sh: waiting", result.Stderr);
        Assert.Contains("hook 10-hang.sh (/docker-entrypoint.d/10-hang.sh) did not finish within 1 s and was killed with its process group", result.Stderr);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [SkippableFact]
    public void Diagnose_lists_the_hooks_without_running_them()
    {
        Namespace.SkipUnlessPossible();
        Hook("10-make.sh", "touch \"$HOSTDIR/made\"");
        Hook("20-notes.txt", "touch \"$HOSTDIR/made\"", mode: 0x1A4);

        var result = _ns.Run("""
            "$BIN" diagnose --root "$ROOT" --json || true
            echo "-----"
            "$BIN" diagnose --root "$ROOT" || true
            """);

        Assert.False(File.Exists($"{_ns.Host}/made"), "diagnose must not run a hook");
        var parts = result.Stdout.Split("-----\n");
        using var json = JsonDocument.Parse(parts[0]);
        var hooks = json.RootElement.GetProperty("hooks").EnumerateArray().ToList();
        Assert.Equal(["10-make.sh", "20-notes.txt"], hooks.Select(h => h.GetProperty("name").GetString()));
        Assert.True(hooks[0].GetProperty("runs").GetBoolean());
        Assert.Equal(JsonValueKind.Null, hooks[0].GetProperty("skipped").ValueKind);
        Assert.False(hooks[1].GetProperty("runs").GetBoolean());
        Assert.Contains("not executable", hooks[1].GetProperty("skipped").GetString());
        Assert.Equal("/docker-entrypoint.d", json.RootElement.GetProperty("hooks_dir").GetString());
        Assert.Contains(json.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "hook-not-executable");

        Assert.Contains("hooks /docker-entrypoint.d: 1 would run", parts[1]);
        Assert.Contains("10-make.sh  runs", parts[1]);
        Assert.Contains("20-notes.txt  skipped: not executable (mode 0644)", parts[1]);
    }

    /// <summary>
    /// The two hooks shipped for the image, in a chroot that looks like the image (so /data, /app and /workspace are
    /// the real paths the hooks use): the host's /usr bound in, our passwd, the binary as /entrypoint.
    /// </summary>
    [SkippableFact]
    public void The_shipped_hooks_prepare_state_dirs_with_the_fallback_and_mark_the_workspace_safe_for_git()
    {
        Namespace.SkipUnlessPossible();
        Skip.IfNot(File.Exists("/usr/bin/git"), "needs git");
        var shipped = Path.Combine(PublishedBinary.RepoRoot, "src", "docker-entrypoint.d");

        var result = _ns.Run($$"""
            NEW="$ROOT/../image"; mkdir -p "$NEW"
            for d in bin sbin lib lib64 lib32 libx32; do
              if [ -L "/$d" ]; then ln -s "$(readlink "/$d")" "$NEW/$d"; elif [ -d "/$d" ]; then mkdir "$NEW/$d"; mount --bind "/$d" "$NEW/$d"; fi
            done
            mkdir -p "$NEW/usr" "$NEW/etc" "$NEW/dev" "$NEW/proc" "$NEW/tmp" "$NEW/app" "$NEW/data" "$NEW/home/app" "$NEW/workspace"
            mount --bind /usr "$NEW/usr"; mount --bind /etc "$NEW/etc"; mount --bind /dev "$NEW/dev"; mount -t proc proc "$NEW/proc"
            mount --bind "$ROOT/etc/passwd" "$NEW/etc/passwd"; mount --bind "$ROOT/etc/group" "$NEW/etc/group"
            chmod 1777 "$NEW/tmp"; chown 1001:1001 "$NEW/app" "$NEW/data" "$NEW/home/app"
            cp "$BIN" "$NEW/entrypoint"; cp -r "{{shipped}}" "$NEW/docker-entrypoint.d"
            git init -q "$NEW/workspace"
            app='echo "uid=$(id -u)"; ls /data/state /app/state 2>&1; git config --global --get-all safe.directory; git -C /workspace status --short >/dev/null && echo git-ok'
            chroot "$NEW" /entrypoint --user app --link m=/app/custom-modules:/app/modules/custom -- sh -c "$app"
            echo "----- /data read-only"
            mount --bind "$NEW/data" "$NEW/data"; mount -o remount,bind,ro "$NEW/data"
            chroot "$NEW" /entrypoint --user app --link m=/app/custom-modules:/app/modules/custom -- sh -c "$app"
            """);

        Assert.True(result.Code == 0, result.Stdout + result.Stderr);
        var (first, second) = (result.Stdout.Split("-----")[0], result.Stdout.Split("-----")[1]);
        var (firstLog, secondLog) = (result.Stderr.Split("exec sh -c")[0], result.Stderr.Split("exec sh -c")[1]);

        Assert.Contains("uid=1001", first);
        Assert.Contains("/data/state:\ncache\nlogs\nsessions", first);
        Assert.Contains("hook 10-state-dirs.sh: state directories under /data/state (/data is writable)", firstLog);
        Assert.Contains("hook 20-git-safe-directory.sh: /workspace marked as a git safe.directory for 1001:1001", firstLog);
        Assert.Contains("/workspace", first);
        Assert.Contains("git-ok", first);

        Assert.Contains("/app/state:\ncache\nlogs\nsessions", second);
        Assert.Contains("hook 10-state-dirs.sh: state directories under /app/state (/data is not writable by 1001:1001", secondLog);
        Assert.Contains("hook 20-git-safe-directory.sh: /workspace is already a git safe.directory", secondLog);
        Assert.Contains("git-ok", second);
    }
}
