using System.Text.Json;

namespace EntryPoint.IntegrationTests;

/// <summary>The published binary, as root, in a private mount and PID namespace with real bind mounts.</summary>
public sealed class MountTests : IDisposable
{
    private readonly Namespace _ns = new();

    public void Dispose() => _ns.Dispose();

    private const string MountModulesReadOnly = """
        mount --bind "$HOSTDIR/mods" "$ROOT/app/custom-modules"
        mount -o remount,bind,ro "$ROOT/app/custom-modules"
        """ + "\n";

    [SkippableFact]
    public void An_intermediate_read_only_mount_becomes_a_symlink_and_the_app_runs_as_pid_1_and_sees_the_modules()
    {
        Namespace.SkipUnlessPossible();
        _ns.ImageTree();
        _ns.ModulesOnHost("weather", "calendar");

        var result = _ns.Run(MountModulesReadOnly + """
            exec "$BIN" --root "$ROOT" sh -c 'echo "pid=$$"; ls "$ROOT/app/modules/custom"; echo "args=$#:$1:$2"' app "one two" three
            """);

        Assert.True(result.Code == 0, result.Stderr);
        Assert.Contains("pid=1", result.Stdout);
        Assert.Contains("calendar", result.Stdout);
        Assert.Contains("weather", result.Stdout);
        Assert.Contains("args=2:one two:three", result.Stdout);
        Assert.Contains("custom modules: mode=symlink, linked; target /app/modules/custom: symlink to /app/custom-modules;", result.Stderr);
        Assert.Contains($"read-only mount of {_ns.Host}/mods", result.Stderr);
        Assert.Contains("exec sh -c", result.Stderr);
        Assert.Equal("../custom-modules", new FileInfo($"{_ns.Root}/app/modules/custom").LinkTarget);
    }

    [SkippableFact]
    public void The_environment_and_the_exit_code_are_the_apps()
    {
        Namespace.SkipUnlessPossible();
        _ns.ImageTree();

        var result = _ns.Run("""
            "$BIN" --root "$ROOT" sh -c 'echo "marker=$MARKER"; exit 42' || echo "code=$?"
            """, new Dictionary<string, string> { ["MARKER"] = "a b=c" });

        Assert.Contains("marker=a b=c", result.Stdout);
        Assert.Contains("code=42", result.Stdout);
        Assert.Contains("custom modules: mode=none", result.Stderr);
    }

    [SkippableFact]
    public void A_direct_read_write_bind_mount_at_target_keeps_every_host_file()
    {
        Namespace.SkipUnlessPossible();
        _ns.ImageTree();
        _ns.ModulesOnHost("weather");
        _ns.File($"{_ns.Host}/direct/mine/module.yaml", "mine");
        _ns.File($"{_ns.Host}/direct/notes.txt", "keep me");
        var before = Directory.GetFileSystemEntries($"{_ns.Host}/direct", "*", SearchOption.AllDirectories).Order().ToList();

        var result = _ns.Run(MountModulesReadOnly + """
            mount --bind "$HOSTDIR/direct" "$ROOT/app/modules/custom"
            "$BIN" --root "$ROOT" -- ls "$ROOT/app/modules/custom"
            "$BIN" --root "$ROOT" -- true
            """);

        Assert.True(result.Code == 0, result.Stderr);
        Assert.Contains("custom modules: mode=bind-mount", result.Stderr);
        Assert.Contains("source-ignored", result.Stderr);
        Assert.Contains("custom-code-read-write", result.Stderr);
        Assert.Contains("mine", result.Stdout);
        Assert.Equal(before, Directory.GetFileSystemEntries($"{_ns.Host}/direct", "*", SearchOption.AllDirectories).Order().ToList());
        Assert.Equal("keep me", File.ReadAllText($"{_ns.Host}/direct/notes.txt"));
    }

    [SkippableFact]
    public void A_read_only_parent_stops_the_start_with_exit_1_and_the_fix_and_changes_nothing()
    {
        Namespace.SkipUnlessPossible();
        _ns.ImageTree();
        _ns.ModulesOnHost("weather");

        var result = _ns.Run("""
            mount --bind "$ROOT/app" "$ROOT/app"
            mount -o remount,bind,ro "$ROOT/app"
            mount --bind "$HOSTDIR/mods" "$ROOT/app/custom-modules"
            "$BIN" --root "$ROOT" -- echo started || echo "code=$?"
            """);

        Assert.Contains("code=1", result.Stdout);
        Assert.DoesNotContain("started", result.Stdout);
        Assert.Contains("target-not-writable", result.Stderr);
        Assert.Contains("read-only filesystem", result.Stderr);
        Assert.Contains("mount your code at /app/modules/custom directly", result.Stderr);
        Log.AssertNoStackTrace(result.Stderr);
        Assert.True(File.Exists($"{_ns.Root}/app/modules/custom/.gitkeep"));
    }

    [SkippableFact]
    public void A_second_run_says_already_linked()
    {
        Namespace.SkipUnlessPossible();
        _ns.ImageTree();
        _ns.ModulesOnHost("weather");

        var result = _ns.Run(MountModulesReadOnly + """
            "$BIN" --root "$ROOT" -- true
            echo ---
            "$BIN" --root "$ROOT" -- true
            """);

        Assert.True(result.Code == 0, result.Stderr);
        var second = result.Stderr[result.Stderr.LastIndexOf("custom modules", StringComparison.Ordinal)..];
        Assert.Contains("already linked; target /app/modules/custom: symlink to /app/custom-modules;", second);
    }

    [SkippableFact]
    public void Diagnose_json_parses_and_matches_the_mounts_and_writes_nothing()
    {
        Namespace.SkipUnlessPossible();
        _ns.ImageTree();
        _ns.ModulesOnHost("weather");
        _ns.File($"{_ns.Host}/mods/notes/readme.txt");
        _ns.File($"{_ns.Host}/mcp/search/package.json", "{}");

        var result = _ns.Run(MountModulesReadOnly + """
            mount --bind "$HOSTDIR/mcp" "$ROOT/app/server/mcp/custom" 2>/dev/null || { mkdir -p "$ROOT/app/server/mcp/custom"; mount --bind "$HOSTDIR/mcp" "$ROOT/app/server/mcp/custom"; }
            "$BIN" diagnose --root "$ROOT" --json || echo "code=$?" >&2
            """);

        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal("warning", root.GetProperty("status").GetString());
        var links = root.GetProperty("links").EnumerateArray().ToDictionary(l => l.GetProperty("name").GetString()!);

        var modules = links["modules"];
        Assert.Equal("symlink", modules.GetProperty("mode").GetString());
        Assert.True(modules.GetProperty("source_mount").GetProperty("read_only").GetBoolean());
        Assert.Equal($"{_ns.Host}/mods", modules.GetProperty("source_mount").GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.Null, modules.GetProperty("target_mount").ValueKind);
        var entries = modules.GetProperty("entries").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("found").GetBoolean());
        Assert.True(entries["weather"]);
        Assert.False(entries["notes"]);

        var mcp = links["mcp"];
        Assert.Equal("bind-mount", mcp.GetProperty("mode").GetString());
        Assert.False(mcp.GetProperty("target_mount").GetProperty("read_only").GetBoolean());

        var codes = root.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()).ToList();
        Assert.Contains("link-pending", codes);
        Assert.Contains("entry-not-found", codes);
        Assert.Contains("custom-code-read-write", codes);

        // diagnose never writes: the placeholder directory is still there.
        Assert.True(File.Exists($"{_ns.Root}/app/modules/custom/.gitkeep"));
        Assert.Null(new FileInfo($"{_ns.Root}/app/modules/custom").LinkTarget);
    }

    [SkippableFact]
    public void Diagnose_exits_1_on_an_error_and_with_strict_on_a_warning()
    {
        Namespace.SkipUnlessPossible();
        _ns.ImageTree();
        _ns.ModulesOnHost("weather");

        var result = _ns.Run("""
            mount --bind "$HOSTDIR/mods" "$ROOT/app/custom-modules"
            "$BIN" diagnose --root "$ROOT" >/dev/null; echo "plain=$?"
            "$BIN" diagnose --root "$ROOT" --strict >/dev/null || echo "strict=$?"
            mount --rbind "$ROOT/app" "$ROOT/app"; mount -o remount,bind,ro "$ROOT/app"
            "$BIN" diagnose --root "$ROOT" >/dev/null || echo "readonly=$?"
            """);

        Assert.Contains("plain=0", result.Stdout);
        Assert.Contains("strict=1", result.Stdout);
        Assert.Contains("readonly=1", result.Stdout);
    }

    [SkippableFact]
    public void A_missing_or_unexecutable_command_exits_127_or_126_with_a_reason()
    {
        Namespace.SkipUnlessPossible();
        _ns.ImageTree();
        _ns.File($"{_ns.Dir}/plain.txt");

        var result = _ns.Run("""
            "$BIN" --root "$ROOT" nosuchcommand || echo "missing=$?"
            "$BIN" --root "$ROOT" "$ROOT/../plain.txt" || echo "plain=$?"
            "$BIN" --root "$ROOT" || echo "none=$?"
            """);

        Assert.Contains("missing=127", result.Stdout);
        Assert.Contains("plain=126", result.Stdout);
        Assert.Contains("none=2", result.Stdout);
        Assert.Contains("nosuchcommand: command not found", result.Stderr);
        Assert.Contains("no command was given", result.Stderr);
    }

    [SkippableFact]
    public void A_dry_run_plans_and_logs_in_json_changes_nothing_and_still_execs()
    {
        Namespace.SkipUnlessPossible();
        _ns.ImageTree();
        _ns.ModulesOnHost("weather");

        var result = _ns.Run(MountModulesReadOnly + """
            "$BIN" --root "$ROOT" --dry-run --log-format json -- echo started
            """);

        Assert.True(result.Code == 0, result.Stderr);
        Assert.Contains("started", result.Stdout);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var modules = lines.First(l => l.GetProperty("message").GetString()!.StartsWith("custom modules:", StringComparison.Ordinal));
        Assert.Equal("symlink", modules.GetProperty("mode").GetString());
        Assert.Contains("dry run", modules.GetProperty("outcome").GetString());
        Assert.Contains(lines, l => l.GetProperty("message").GetString()!.StartsWith("exec echo started", StringComparison.Ordinal));
        Assert.True(File.Exists($"{_ns.Root}/app/modules/custom/.gitkeep"));
        Assert.Null(new FileInfo($"{_ns.Root}/app/modules/custom").LinkTarget);
    }
}
