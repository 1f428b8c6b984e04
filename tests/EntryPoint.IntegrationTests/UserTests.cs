namespace EntryPoint.IntegrationTests;

/// <summary>Dropping to the app's user, and permission checks as that user, with the published binary as root.</summary>
public sealed class UserTests : IDisposable
{
    private readonly Namespace _ns = new();

    public UserTests()
    {
        _ns.ImageWithAppUser((UnixFileMode)0x1ED);
    }

    public void Dispose() => _ns.Dispose();

    [SkippableFact]
    public void Started_as_root_the_app_runs_as_1001_with_its_groups_and_cannot_get_root_back()
    {
        Namespace.SkipUnlessPossible();

        var result = _ns.Run("""
            exec "$BIN" --root "$ROOT" --user app sh -c 'echo "ids=$(id -u):$(id -g) real=$(id -ru):$(id -rg) groups=$(id -G)"; echo "home=$HOME"; grep -E "^(Uid|Gid|CapEff)" /proc/self/status'
            """);

        Assert.True(result.Code == 0, result.Stderr);
        Assert.Contains("ids=1001:1001 real=1001:1001", result.Stdout);
        Assert.Contains("groups=1001 997", result.Stdout);
        Assert.Contains("home=/home/app", result.Stdout);
        Assert.Contains("Uid:\t1001\t1001\t1001\t1001", result.Stdout);
        Assert.Contains("Gid:\t1001\t1001\t1001\t1001", result.Stdout);
        Assert.Contains("CapEff:\t0000000000000000", result.Stdout);
    }

    [SkippableFact]
    public void A_source_the_app_user_cannot_read_stops_the_start_with_the_owner_the_mode_and_the_fixes()
    {
        Namespace.SkipUnlessPossible();
        _ns.File($"{_ns.Host}/mods/weather/module.yaml");

        var result = _ns.Run("""
            chown -R 1000:1000 "$HOSTDIR/mods"; chmod 700 "$HOSTDIR/mods"
            mkdir -p "$ROOT/app/custom-modules"
            mount --bind "$HOSTDIR/mods" "$ROOT/app/custom-modules"; mount -o remount,bind,ro "$ROOT/app/custom-modules"
            "$BIN" --root "$ROOT" --user 1001:1001 -- echo started || echo "code=$?"
            """);

        Assert.Contains("code=1", result.Stdout);
        Assert.DoesNotContain("started", result.Stdout);
        Assert.Contains("source-not-readable", result.Stderr);
        Assert.Contains("1000:1000", result.Stderr);
        Assert.Contains("0700", result.Stderr);
        Assert.Contains("1001:1001", result.Stderr);
        Assert.Contains($"chmod -R 755 {_ns.Host}/mods", result.Stderr);
        Assert.Contains("DOCKER_USER=1000", result.Stderr);
        Assert.True(File.Exists($"{_ns.Root}/app/modules/custom/.gitkeep"), "nothing is changed when the start stops");
    }

    [SkippableFact]
    public void Started_as_another_user_a_different_user_is_refused()
    {
        Namespace.SkipUnlessPossible();

        var result = _ns.Run("""
            setpriv --reuid 1001 --regid 1001 --clear-groups "$BIN" --root "$ROOT" --user 1000:1000 -- echo started || echo "code=$?"
            """);

        Assert.Contains("code=1", result.Stdout);
        Assert.DoesNotContain("started", result.Stdout);
        Assert.Contains("user-mismatch", result.Stderr);
    }
}
