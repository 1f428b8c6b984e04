using System.Text.Json;

namespace EntryPoint.IntegrationTests;

/// <summary>The linux-arm64 binary for the 64-bit Raspberry Pi OS, run under qemu-user.</summary>
public sealed class Arm64Tests : IDisposable
{
    private const string Qemu = "/usr/bin/qemu-aarch64-static";
    private const string Sysroot = "/usr/aarch64-linux-gnu";
    private readonly Namespace _ns = new();

    public void Dispose() => _ns.Dispose();

    private static string Binary => Path.Combine(PublishedBinary.RepoRoot, "artifacts", "linux-arm64", "entrypoint");

    private static void SkipUnlessPossible()
    {
        Skip.IfNot(File.Exists(Qemu), "needs qemu-user-static (CI installs it through .ci/publish linux-arm64)");
        Skip.IfNot(File.Exists($"{Sysroot}/lib/ld-linux-aarch64.so.1"), "needs the arm64 libc (libc6-arm64-cross)");
        Skip.IfNot(File.Exists(Binary), $"no arm64 binary at {Binary}: run .ci/publish linux-arm64 first (.ci/run does)");
    }

    private static ShellResult Run(params string[] args) =>
        Shell.Run(Qemu, [Binary, .. args], environment: new Dictionary<string, string> { ["QEMU_LD_PREFIX"] = Sysroot });

    [SkippableFact]
    public void The_arm64_binary_reports_a_tree_as_json()
    {
        SkipUnlessPossible();
        _ns.File($"{_ns.Root}/app/custom-modules/weather/module.yaml");
        _ns.File($"{_ns.Root}/app/modules/custom/.gitkeep");

        var result = Run("diagnose", "--root", _ns.Root, "--json");

        using var json = JsonDocument.Parse(result.Stdout);
        var modules = json.RootElement.GetProperty("links").EnumerateArray().First(l => l.GetProperty("name").GetString() == "modules");
        Assert.Equal("symlink", modules.GetProperty("mode").GetString());
        Assert.Equal("weather", modules.GetProperty("entries")[0].GetProperty("name").GetString());
    }

    [SkippableFact]
    public void The_arm64_binary_links_and_execs_the_command()
    {
        SkipUnlessPossible();
        _ns.File($"{_ns.Root}/app/custom-modules/weather/module.yaml");

        var result = Run("--root", _ns.Root, "--", "/bin/echo", "hello from arm64");

        Assert.True(result.Code == 0, result.Stderr);
        Assert.Contains("hello from arm64", result.Stdout);
        Assert.Contains("custom modules: mode=symlink, linked", result.Stderr);
        Assert.Equal("../custom-modules", new FileInfo($"{_ns.Root}/app/modules/custom").LinkTarget);
    }
}
