using System.Diagnostics;

[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

namespace EntryPoint.IntegrationTests;

/// <summary>
/// The published AOT binary, as operators get it. Built once per test run unless ENTRYPOINT_BINARY names one,
/// so `dotnet test` alone tests the real thing.
/// </summary>
public sealed class PublishedBinary
{
    private static readonly Lazy<(string? Path, string? Problem)> Built = new(Build);

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EntryPoint.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("EntryPoint.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The binary; a publish that failed fails the test that needs it, never skips it (a skip would let CI pass).</summary>
    public static string Path_ => Built.Value.Path ?? throw new InvalidOperationException(Built.Value.Problem);

    private static (string?, string?) Build()
    {
        var given = Environment.GetEnvironmentVariable("ENTRYPOINT_BINARY");
        if (!string.IsNullOrEmpty(given))
        {
            return File.Exists(given) ? (given, null) : (null, $"ENTRYPOINT_BINARY={given} does not exist");
        }

        var output = Path.Combine(RepoRoot, "artifacts", "linux-x64");
        var result = Shell.Run("dotnet", ["publish", Path.Combine(RepoRoot, "src", "EntryPoint"), "-c", "Release", "-r", "linux-x64", "-o", output, "--nologo", "-v", "quiet"], timeoutSeconds: 600);
        var binary = Path.Combine(output, "entrypoint");
        return result.Code == 0 && File.Exists(binary) ? (binary, null) : (null, "dotnet publish failed: " + result.Stdout + result.Stderr);
    }
}

public sealed record ShellResult(int Code, string Stdout, string Stderr);

public static class Log
{
    /// <summary>Every failure is reported as a message: no exception escapes, whether caught late or not at all.</summary>
    public static void AssertNoStackTrace(string log)
    {
        Assert.DoesNotContain("   at ", log);
        Assert.DoesNotContain("Unhandled", log);
    }
}

public static class Shell
{
    public static ShellResult Run(string file, IEnumerable<string> args, int timeoutSeconds = 60, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeoutSeconds * 1000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish in {timeoutSeconds}s");
        }

        return new ShellResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    public static bool IsRoot => Environment.IsPrivilegedProcess;

    public static bool HasUnshare => File.Exists("/usr/bin/unshare");
}

/// <summary>
/// A private mount and PID namespace (unshare -m -p -f --mount-proc) holding a temporary tree: real bind mounts,
/// read-only remounts, and the entrypoint as PID 1, without Docker. Mounts vanish with the namespace.
/// </summary>
public sealed class Namespace : IDisposable
{
    public Namespace()
    {
        Dir = Directory.CreateTempSubdirectory("entrypoint-it-").FullName;
        Root = Path.Combine(Dir, "root");
        Host = Path.Combine(Dir, "host");
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(Host);
    }

    public string Dir { get; }

    /// <summary>Stands for the container's "/" (passed as --root).</summary>
    public string Root { get; }

    /// <summary>Stands for the Docker host's directories that get mounted.</summary>
    public string Host { get; }

    public static void SkipUnlessPossible()
    {
        Skip.IfNot(Shell.IsRoot, "needs root for mount namespaces and bind mounts (CI runs as root)");
        Skip.IfNot(Shell.HasUnshare, "needs unshare from util-linux");
    }

    /// <summary>
    /// The image's side of a dropped start: /etc/passwd and /etc/group with the app user 1001 (in group gpio, 997),
    /// a placeholder at the modules TARGET, and the tree opened to <paramref name="treeMode"/> so the dropped user can
    /// reach it (temp directories are 0700).
    /// </summary>
    public void ImageWithAppUser(UnixFileMode treeMode)
    {
        File($"{Root}/etc/passwd", "root:x:0:0:root:/root:/bin/sh\napp:x:1001:1001:App:/home/app:/bin/sh\n");
        File($"{Root}/etc/group", "root:x:0:\napp:x:1001:\ngpio:x:997:app\n");
        File($"{Root}/app/modules/custom/.gitkeep");
        foreach (var dir in new[] { Dir, Root, Host })
        {
            System.IO.File.SetUnixFileMode(dir, treeMode);
        }
    }

    /// <summary>
    /// The image's side of the modules link: a placeholder directory at TARGET (.gitkeep and README.md, which a link
    /// may replace) and empty SOURCE directories for the modules and MCP links.
    /// </summary>
    public void ImageTree()
    {
        File($"{Root}/app/modules/custom/.gitkeep");
        File($"{Root}/app/modules/custom/README.md", "Mount custom modules here.");
        Directory.CreateDirectory($"{Root}/app/custom-modules");
        Directory.CreateDirectory($"{Root}/app/custom-mcp");
    }

    /// <summary>Modules on the host under $HOSTDIR/mods, each with the marker the app looks for.</summary>
    public void ModulesOnHost(params string[] names)
    {
        foreach (var name in names)
        {
            File($"{Host}/mods/{name}/module.yaml", "name: " + name);
        }
    }

    public void File(string path, string content = "")
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, content);
    }

    /// <summary>Runs a bash script inside a new namespace; $BIN is the entrypoint, $ROOT and $HOSTDIR the trees.</summary>
    public ShellResult Run(string script, IDictionary<string, string>? environment = null)
    {
        var full = "set -e\nmount --make-rprivate /\n" + script;
        var env = new Dictionary<string, string>(environment ?? new Dictionary<string, string>())
        {
            ["BIN"] = PublishedBinary.Path_,
            ["ROOT"] = Root,
            ["HOSTDIR"] = Host,
        };
        return Shell.Run("unshare", ["-m", "-p", "-f", "--mount-proc", "bash", "-c", full], environment: env);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
