using Xunit.Abstractions;

namespace EntryPoint.IntegrationTests;

/// <summary>
/// Runs at once, and runs while another process swaps TARGET between a directory, a symlink and a mount. Bounded:
/// a fixed number of rounds, then the loops stop by themselves. Every run ends in the app (exit 0) or a clean error
/// (exit 1), and nothing that was not the entrypoint's to delete is ever gone.
/// </summary>
public sealed class RaceTests(ITestOutputHelper output) : IDisposable
{
    private const int ConcurrentRuns = 12;
    private const int ConcurrentRounds = 5;
    private const int RunsPerLoop = 50;
    private const int MaxSwapRounds = 3000;

    private readonly Namespace _ns = new();

    public void Dispose() => _ns.Dispose();

    [SkippableFact]
    public void Many_runs_at_once_all_start_the_app_and_leave_one_link()
    {
        Namespace.SkipUnlessPossible();
        _ns.File($"{_ns.Host}/mods/weather/module.yaml", "weather");
        Directory.CreateDirectory($"{_ns.Root}/app/custom-modules");

        var result = _ns.Run($$"""
            mount --bind "$HOSTDIR/mods" "$ROOT/app/custom-modules"
            for round in $(seq {{ConcurrentRounds}}); do
              rm -rf "$ROOT/app/modules"
              case $((round % 3)) in
                0) mkdir -p "$ROOT/app/modules/custom"; touch "$ROOT/app/modules/custom/.gitkeep" "$ROOT/app/modules/custom/README.md" ;;
                1) mkdir -p "$ROOT/app/modules"; ln -s /elsewhere "$ROOT/app/modules/custom" ;;
                2) ;;
              esac
              for i in $(seq {{ConcurrentRuns}}); do
                ( "$BIN" --root "$ROOT" -- echo app >/dev/null 2>>"$ROOT/../runs.log" && code=0 || code=$?; echo "code=$code" ) &
              done
              wait
              echo "round $round: $(readlink "$ROOT/app/modules/custom") $(ls -A "$ROOT/app/modules" | tr '\n' ' ')"
            done
            """);

        output.WriteLine(result.Stdout);
        var log = File.ReadAllText($"{_ns.Dir}/runs.log");
        output.WriteLine(string.Join('\n', log.Split('\n').Where(l => l.Contains("[ERR]"))));
        Assert.True(result.Code == 0, result.Stderr);
        Assert.Equal(ConcurrentRuns * ConcurrentRounds, result.Stdout.Split('\n').Count(l => l == "code=0"));
        Assert.Equal(ConcurrentRounds, result.Stdout.Split('\n').Count(l => l.StartsWith("round ") && l.EndsWith(": ../custom-modules custom ")));
        Log.AssertNoStackTrace(log);
    }

    [SkippableFact]
    public void Runs_while_target_is_swapped_end_in_the_app_or_a_clean_error_and_lose_nothing()
    {
        Namespace.SkipUnlessPossible();
        _ns.File($"{_ns.Host}/mods/weather/module.yaml", "weather");
        _ns.File($"{_ns.Host}/other/README.md", "other readme");
        _ns.File($"{_ns.Host}/other/.gitkeep", "other gitkeep");
        _ns.File($"{_ns.Host}/other/data.txt", "other data");
        _ns.File($"{_ns.Host}/mnt/README.md", "mounted readme");
        _ns.File($"{_ns.Host}/mnt/.gitkeep", "mounted gitkeep");
        Directory.CreateDirectory($"{_ns.Root}/app/custom-modules");
        Directory.CreateDirectory($"{_ns.Root}/app/modules");
        Directory.CreateDirectory($"{_ns.Dir}/stage");
        Directory.CreateDirectory($"{_ns.Dir}/trash");

        // The swapper only ever renames things in and out (it never deletes), mounts over a directory of its own
        // that holds a file, and never unmounts through a symlink. Content dirs hold keep.txt, mounted-over dirs own.txt.
        var result = _ns.Run($$"""
            T="$ROOT/app/modules/custom"; S="$ROOT/../stage"; X="$ROOT/../trash"
            # Not mountpoint(1): it follows a symlink, and T may have just become a link to SOURCE, itself a mount.
            is_mount() { awk -v p="$1" '$5 == p { found = 1 } END { exit !found }' /proc/self/mountinfo; }
            mount --bind "$HOSTDIR/mods" "$ROOT/app/custom-modules"
            swapper() {
              i=0
              while [ "$(ls "$ROOT/.." | grep -c '^done-')" -lt 2 ] && [ $i -lt {{MaxSwapRounds}} ]; do
                i=$((i + 1))
                if is_mount "$T"; then umount -l "$T"; fi
                mv -T "$T" "$X/$i" 2>/dev/null || true
                case $((i % 5)) in
                  0) mkdir "$S/c$i"; echo keep > "$S/c$i/keep.txt"; mv -T "$S/c$i" "$T" 2>/dev/null || true ;;
                  1) ln -s "$HOSTDIR/other" "$S/l$i"; mv -T "$S/l$i" "$T" 2>/dev/null || true ;;
                  2) mkdir "$S/m$i"; echo own > "$S/m$i/own.txt"
                     if mv -T "$S/m$i" "$T" 2>/dev/null && [ ! -L "$T" ] && [ -f "$T/own.txt" ]; then mount --bind "$HOSTDIR/mnt" "$T"; fi ;;
                  3) mkdir "$S/p$i"; touch "$S/p$i/.gitkeep"; echo ph > "$S/p$i/README.md"; mv -T "$S/p$i" "$T" 2>/dev/null || true ;;
                  4) ;;
                esac
              done
              echo "$i" > "$ROOT/../rounds"
            }
            runner() {
              for n in $(seq {{RunsPerLoop}}); do
                "$BIN" --root "$ROOT" -- true >/dev/null 2>>"$ROOT/../runs-$1.log" && code=0 || code=$?
                echo "$code" >> "$ROOT/../codes"
              done
              touch "$ROOT/../done-$1"
            }
            runner a & runner b &
            swapper
            wait
            echo "rounds=$(cat "$ROOT/../rounds")"
            if is_mount "$T"; then umount -l "$T"; fi
            echo "runs=$(wc -l < "$ROOT/../codes")"
            sort "$ROOT/../codes" | uniq -c
            cat "$ROOT"/../runs-*.log | grep -oE 'custom modules: mode=[a-z-]+, [a-z ]+' | sort | uniq -c
            """);

        output.WriteLine(result.Stdout);
        Assert.True(result.Code == 0, result.Stderr);
        var codes = File.ReadAllLines($"{_ns.Dir}/codes");
        Assert.Equal(2 * RunsPerLoop, codes.Length);
        var rounds = int.Parse(File.ReadAllText($"{_ns.Dir}/rounds").Trim());
        Assert.True(rounds < MaxSwapRounds, "the swapper hit its bound before the runs were done");
        Assert.All(codes, c => Assert.True(c is "0" or "1", "exit code " + c));
        var logs = File.ReadAllText($"{_ns.Dir}/runs-a.log") + File.ReadAllText($"{_ns.Dir}/runs-b.log");
        output.WriteLine(string.Join('\n', logs.Split('\n').Where(l => l.Contains("[ERR]") && !l.Contains("target-conflict") && !l.Contains("before any change")).Take(20)));
        Log.AssertNoStackTrace(logs);

        // The host's folders: every file is still there, with its content.
        Assert.Equal("weather", File.ReadAllText($"{_ns.Host}/mods/weather/module.yaml"));
        Assert.Equal("other readme", File.ReadAllText($"{_ns.Host}/other/README.md"));
        Assert.Equal("other gitkeep", File.ReadAllText($"{_ns.Host}/other/.gitkeep"));
        Assert.Equal("other data", File.ReadAllText($"{_ns.Host}/other/data.txt"));
        Assert.Equal("mounted readme", File.ReadAllText($"{_ns.Host}/mnt/README.md"));
        Assert.Equal("mounted gitkeep", File.ReadAllText($"{_ns.Host}/mnt/.gitkeep"));
        Assert.Equal(3, Directory.GetFileSystemEntries($"{_ns.Host}/other").Length);
        Assert.Equal(2, Directory.GetFileSystemEntries($"{_ns.Host}/mnt").Length);

        // Every directory with a file in it is still whole, wherever the swapper left it.
        var kept = Directory.GetFiles(_ns.Dir, "keep.txt", SearchOption.AllDirectories).Length;
        var own = Directory.GetFiles(_ns.Dir, "own.txt", SearchOption.AllDirectories).Length;
        Assert.Equal(Enumerable.Range(1, rounds).Count(i => i % 5 == 0), kept);
        Assert.Equal(Enumerable.Range(1, rounds).Count(i => i % 5 == 2), own);

        // No half-made link was left by a run that finished.
        Assert.Empty(Directory.GetFileSystemEntries($"{_ns.Root}/app/modules", ".custom.entrypoint-*"));
    }
}
