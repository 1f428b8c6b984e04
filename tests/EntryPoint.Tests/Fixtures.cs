[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

namespace EntryPoint.Tests;

/// <summary>Fixtures/ as copied beside the test assembly: captured/ from real containers, the rest written by hand.</summary>
public static class Fixtures
{
    public static string Path(string relative) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", relative);

    public static string Text(string relative) => File.ReadAllText(Path(relative));

    public static string[] Lines(string relative) => File.ReadAllLines(Path(relative));
}

/// <summary>A real directory under /tmp, removed afterwards; tests work on real files, not fakes.</summary>
public sealed class TempTree : IDisposable
{
    public TempTree()
    {
        Root = Directory.CreateTempSubdirectory("entrypoint-test-").FullName;
    }

    public string Root { get; }

    /// <summary>A path in the tree: "/app/x" as the container would name it, or "etc/passwd" relative to the root.</summary>
    public string At(string path) => path.StartsWith('/') ? Root + path : System.IO.Path.Combine(Root, path);

    public string Dir(string containerPath)
    {
        Directory.CreateDirectory(At(containerPath));
        return At(containerPath);
    }

    public string File(string containerPath, string content = "")
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(At(containerPath))!);
        System.IO.File.WriteAllText(At(containerPath), content);
        return At(containerPath);
    }

    public void Symlink(string containerPath, string text)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(At(containerPath))!);
        System.IO.File.CreateSymbolicLink(At(containerPath), text);
    }

    public void Dispose()
    {
        try
        {
            foreach (var dir in Directory.EnumerateDirectories(Root, "*", SearchOption.AllDirectories))
            {
                System.IO.File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
