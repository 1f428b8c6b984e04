namespace EntryPoint.IntegrationTests;

/// <summary>Faults real hosts produce, and paths that lead astray: each a clear error and an exit code, and nothing lost.</summary>
public sealed class FaultAndPathTests : IDisposable
{
    private readonly Namespace _ns = new();

    public void Dispose() => _ns.Dispose();

    /// <summary>Every path under the namespace's directory with its kind, link text or content: to show what changed.</summary>
    private Dictionary<string, string> Listing()
    {
        var all = new Dictionary<string, string>();
        void Walk(string dir)
        {
            foreach (var entry in new DirectoryInfo(dir).EnumerateFileSystemInfos())
            {
                var key = entry.FullName[_ns.Dir.Length..];
                if (entry.LinkTarget is { } link)
                {
                    all[key] = "-> " + link;
                }
                else if (entry is DirectoryInfo d)
                {
                    all[key] = "dir";
                    Walk(d.FullName);
                }
                else
                {
                    all[key] = "file " + File.ReadAllText(entry.FullName);
                }
            }
        }

        Walk(_ns.Dir);
        return all;
    }

    [SkippableFact]
    public void A_source_that_cannot_be_listed_is_an_error_never_taken_for_empty()
    {
        Namespace.SkipUnlessPossible();
        _ns.ImageTree();
        _ns.ModulesOnHost("weather");
        var before = Listing();

        // As an unprivileged user (root reads through permission bits), with the host folder closed to others.
        var result = _ns.Run("""
            chmod 755 "$ROOT/.."
            chmod 700 "$HOSTDIR/mods"
            chmod 777 "$ROOT/app/modules" "$ROOT/app/modules/custom"
            mount --bind "$HOSTDIR/mods" "$ROOT/app/custom-modules"
            setpriv --reuid=65534 --regid=65534 --clear-groups "$BIN" --root "$ROOT" -- echo STARTED || echo "code=$?"
            setpriv --reuid=65534 --regid=65534 --clear-groups "$BIN" diagnose --root "$ROOT" --json > "$ROOT/../diag.json" || echo "diag=$?"
            chmod 755 "$HOSTDIR/mods" "$ROOT/app/modules" "$ROOT/app/modules/custom"
            """);

        Assert.Contains("code=1", result.Stdout);
        Assert.Contains("diag=1", result.Stdout);
        Assert.DoesNotContain("STARTED", result.Stdout);
        Assert.Contains("source-unreadable", result.Stderr);
        Assert.Contains("permission denied", result.Stderr);
        Assert.Contains("chmod -R 755", result.Stderr);
        Assert.DoesNotContain("custom modules: mode=none, no custom code", result.Stderr);
        Assert.Contains("custom modules: mode=none, source cannot be read", result.Stderr);
        // Started as the app's user there is no drop, and the same full error as after one is still owed.
        Assert.Contains("[source-not-readable]", result.Stderr);
        Assert.Contains("(owner 0:0, mode 0700) is not readable by the app, which runs as 65534:65534", result.Stderr);
        Assert.Contains($"chmod -R 755 {_ns.Host}/mods", result.Stderr);
        Assert.Contains("DOCKER_USER=0 and DOCKER_GROUP=0", result.Stderr);
        Assert.Contains("\"source-unreadable\"", File.ReadAllText($"{_ns.Dir}/diag.json"));
        File.Delete($"{_ns.Dir}/diag.json"); // the test's own capture, not a change the run made
        Log.AssertNoStackTrace(result.Stderr);
        Assert.Equal(before, Listing());
    }

    [SkippableFact]
    public void No_inodes_left_is_a_clear_error_with_exit_1_and_an_old_symlink_stays()
    {
        Namespace.SkipUnlessPossible();
        _ns.ModulesOnHost("weather");
        Directory.CreateDirectory($"{_ns.Root}/app/custom-modules");
        Directory.CreateDirectory($"{_ns.Root}/app/modules");

        // A tiny tmpfs for TARGET's parent, its inodes used up; first with TARGET missing, then a symlink elsewhere.
        var result = _ns.Run("""
            mount --bind "$HOSTDIR/mods" "$ROOT/app/custom-modules"
            mount -t tmpfs -o size=4k,nr_inodes=8 tmpfs "$ROOT/app/modules"
            i=0; while touch "$ROOT/app/modules/fill$i" 2>/dev/null; do i=$((i+1)); done
            "$BIN" --root "$ROOT" -- echo STARTED || echo "missing=$?"
            rm "$ROOT/app/modules/fill0"; ln -s /elsewhere "$ROOT/app/modules/custom"
            "$BIN" --root "$ROOT" -- echo STARTED || echo "relink=$?"
            echo "link=$(readlink "$ROOT/app/modules/custom")"
            ls -A "$ROOT/app/modules" | grep -c entrypoint || true
            """);

        Assert.Contains("missing=1", result.Stdout);
        Assert.Contains("relink=1", result.Stdout);
        Assert.Contains("link=/elsewhere", result.Stdout);
        Assert.DoesNotContain("STARTED", result.Stdout);
        Assert.Contains("no space left on device", result.Stderr);
        Assert.Contains("free space on the filesystem holding /app/modules", result.Stderr);
        Assert.EndsWith("0", result.Stdout.Trim());
        Log.AssertNoStackTrace(result.Stderr);
    }

    [SkippableFact]
    public void Parents_that_cannot_be_created_for_lack_of_space_or_a_file_in_the_way_are_clear_errors()
    {
        Namespace.SkipUnlessPossible();
        _ns.ModulesOnHost("weather");
        Directory.CreateDirectory($"{_ns.Root}/app/custom-modules");
        Directory.CreateDirectory($"{_ns.Root}/srv");
        _ns.File($"{_ns.Root}/opt/file", "in the way");

        var result = _ns.Run("""
            mount --bind "$HOSTDIR/mods" "$ROOT/app/custom-modules"
            mount -t tmpfs -o size=4k,nr_inodes=2 tmpfs "$ROOT/srv"
            touch "$ROOT/srv/one" 2>/dev/null || true
            "$BIN" --root "$ROOT" --link /app/custom-modules:/srv/deep/er/custom -- echo STARTED || echo "nospace=$?"
            "$BIN" --root "$ROOT" --link /app/custom-modules:/opt/file/custom -- echo STARTED || echo "notdir=$?"
            """);

        Assert.Contains("nospace=1", result.Stdout);
        Assert.Contains("notdir=1", result.Stdout);
        Assert.DoesNotContain("STARTED", result.Stdout);
        Assert.Contains("creating /srv/deep/er failed: no space left on device", result.Stderr);
        Assert.Contains("/opt/file", result.Stderr);
        Log.AssertNoStackTrace(result.Stderr);
        Assert.Equal("in the way", File.ReadAllText($"{_ns.Root}/opt/file"));
    }

    [SkippableFact]
    public void A_source_that_resolves_into_its_target_deletes_nothing_and_says_so()
    {
        Namespace.SkipUnlessPossible();
        _ns.File($"{_ns.Root}/app/modules/custom/README.md", "placeholder");
        _ns.File($"{_ns.Root}/app/modules/custom/.gitkeep");
        File.CreateSymbolicLink($"{_ns.Root}/app/custom-modules", "modules/custom");
        var before = Listing();

        var result = _ns.Run("""
            "$BIN" --root "$ROOT" -- echo STARTED || echo "code=$?"
            "$BIN" diagnose --root "$ROOT" || echo "diag=$?"
            """);

        Assert.Equal(before, Listing());
        Assert.Contains("code=1", result.Stdout);
        Assert.Contains("diag=1", result.Stdout);
        Assert.DoesNotContain("STARTED", result.Stdout);
        Assert.Contains("source-inside-target", result.Stderr + result.Stdout);
        Assert.Contains("/app/modules/custom", result.Stderr);
        Log.AssertNoStackTrace(result.Stderr);
    }

    [SkippableFact]
    public void A_self_referencing_source_link_is_a_clear_error_and_changes_nothing()
    {
        Namespace.SkipUnlessPossible();
        _ns.ImageTree();
        Directory.Delete($"{_ns.Root}/app/custom-modules");
        File.CreateSymbolicLink($"{_ns.Root}/app/custom-modules", "custom-modules");
        var before = Listing();

        var result = _ns.Run("""
            "$BIN" --root "$ROOT" -- echo STARTED || echo "code=$?"
            """);

        Assert.Equal(before, Listing());
        Assert.Contains("code=1", result.Stdout);
        Assert.DoesNotContain("STARTED", result.Stdout);
        Assert.Contains("symlink loop", result.Stderr);
        Assert.Contains("/app/custom-modules", result.Stderr);
        Log.AssertNoStackTrace(result.Stderr);
    }

    [SkippableFact]
    public void A_self_referencing_target_link_is_replaced_by_the_right_link()
    {
        Namespace.SkipUnlessPossible();
        _ns.ModulesOnHost("weather");
        Directory.CreateDirectory($"{_ns.Root}/app/custom-modules");
        Directory.CreateDirectory($"{_ns.Root}/app/modules");
        File.CreateSymbolicLink($"{_ns.Root}/app/modules/custom", "custom");

        var result = _ns.Run("""
            mount --bind "$HOSTDIR/mods" "$ROOT/app/custom-modules"
            "$BIN" --root "$ROOT" -- ls "$ROOT/app/modules/custom/"
            """);

        Assert.True(result.Code == 0, result.Stderr);
        Assert.Contains("weather", result.Stdout);
        Assert.Equal("../custom-modules", new FileInfo($"{_ns.Root}/app/modules/custom").LinkTarget);
    }

    [SkippableFact]
    public void A_mount_nested_inside_a_placeholder_directory_is_never_touched_and_the_conflict_says_why()
    {
        Namespace.SkipUnlessPossible();
        _ns.ImageTree();
        _ns.ModulesOnHost("weather");
        _ns.File($"{_ns.Host}/nested/README.md", "the host's readme");
        _ns.File($"{_ns.Host}/readme-file", "a host file mounted as README.md");
        Directory.CreateDirectory($"{_ns.Root}/app/modules/custom/sub");
        var before = Listing();

        var result = _ns.Run("""
            mount --bind "$HOSTDIR/mods" "$ROOT/app/custom-modules"
            mount --bind "$HOSTDIR/nested" "$ROOT/app/modules/custom/sub"
            mount --bind "$HOSTDIR/readme-file" "$ROOT/app/modules/custom/README.md"
            "$BIN" --root "$ROOT" -- echo STARTED || echo "code=$?"
            umount "$ROOT/app/modules/custom/sub" "$ROOT/app/modules/custom/README.md"
            """);

        Assert.Contains("code=1", result.Stdout);
        Assert.Contains("target-conflict", result.Stderr);
        Assert.Contains("a mount point", result.Stderr);
        Assert.Equal(before, Listing());
        Log.AssertNoStackTrace(result.Stderr);
    }

    [SkippableFact]
    public void A_temporary_link_left_by_a_killed_run_is_removed_and_the_start_goes_on()
    {
        Namespace.SkipUnlessPossible();
        _ns.ModulesOnHost("weather");
        Directory.CreateDirectory($"{_ns.Root}/app/custom-modules");
        Directory.CreateDirectory($"{_ns.Root}/app/modules");
        File.CreateSymbolicLink($"{_ns.Root}/app/modules/custom", "/old");
        File.CreateSymbolicLink($"{_ns.Root}/app/modules/.custom.entrypoint-1", "/half-made");
        File.CreateSymbolicLink($"{_ns.Root}/app/modules/.custom.entrypoint-99999", "/half-made");

        // As PID 1, as in a container: the same PID as the killed run.
        var result = _ns.Run("""
            mount --bind "$HOSTDIR/mods" "$ROOT/app/custom-modules"
            exec "$BIN" --root "$ROOT" -- ls -A "$ROOT/app/modules"
            """);

        Assert.True(result.Code == 0, result.Stderr);
        Assert.Equal("custom", result.Stdout.Trim());
        Assert.Contains("left by an interrupted run", result.Stderr);
        Assert.Equal("../custom-modules", new FileInfo($"{_ns.Root}/app/modules/custom").LinkTarget);
    }

    [SkippableFact]
    public void A_run_changes_nothing_outside_the_target_s_parent()
    {
        Namespace.SkipUnlessPossible();
        _ns.ImageTree();
        _ns.ModulesOnHost("weather", "calendar");
        _ns.File($"{_ns.Host}/mcp/search/package.json", "{}");
        var before = Listing();

        var result = _ns.Run("""
            mount --bind "$HOSTDIR/mods" "$ROOT/app/custom-modules"
            mount --bind "$HOSTDIR/mcp" "$ROOT/app/custom-mcp"
            "$BIN" --root "$ROOT" -- true
            """);

        Assert.True(result.Code == 0, result.Stderr);
        var after = Listing();
        var changed = before.Keys.Union(after.Keys)
            .Where(k => !before.TryGetValue(k, out var b) || !after.TryGetValue(k, out var a) || a != b)
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            ["/root/app/modules/custom", "/root/app/modules/custom/.gitkeep", "/root/app/modules/custom/README.md", "/root/app/server", "/root/app/server/mcp", "/root/app/server/mcp/custom"],
            changed);
    }
}
