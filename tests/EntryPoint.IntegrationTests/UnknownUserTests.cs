namespace EntryPoint.IntegrationTests;

/// <summary>The published binary, as root: a --user the image's /etc/passwd lacks is a bad value (exit 2), and nothing runs.</summary>
public sealed class UnknownUserTests : IDisposable
{
    private readonly Namespace _ns = new();

    public void Dispose() => _ns.Dispose();

    [SkippableFact]
    public void A_user_the_image_lacks_exits_2_naming_the_value_and_the_accepted_form_before_anything_changes()
    {
        Namespace.SkipUnlessPossible();
        _ns.ImageWithAppUser((UnixFileMode)0x1ED);
        _ns.File($"{_ns.Root}/app/custom-modules/weather/module.yaml", "name: weather\n");

        var result = _ns.Run("""
            "$BIN" --root "$ROOT" --user nosuchuser -- echo started || echo "code=$?"
            test -d "$ROOT/app/modules/custom" && test ! -L "$ROOT/app/modules/custom" && echo "target-untouched"
            """);

        Assert.Contains("code=2", result.Stdout);
        Assert.DoesNotContain("started", result.Stdout);
        Assert.Contains("target-untouched", result.Stdout);
        Assert.Contains("user 'nosuchuser' is not in the image's /etc/passwd", result.Stderr);
        Assert.Contains("NAME[:GROUP] or UID[:GID]", result.Stderr);
        Assert.Contains("[user-unknown]", result.Stderr);
    }
}
