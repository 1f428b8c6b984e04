namespace EntryPoint.Tests;

/// <summary>A throw-away directory tree for tests that need real files; removed on dispose.</summary>
internal sealed class TempTree : IDisposable
{
    public TempTree()
    {
        Root = Directory.CreateTempSubdirectory("entrypoint-tests-").FullName;
    }

    public string Root { get; }

    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public string Dir(string relativePath) => Directory.CreateDirectory(Path.Combine(Root, relativePath)).FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Leaving a temp directory behind is not worth failing a test for.
        }
    }
}

internal static class FixtureFiles
{
    /// <summary>Path of a file copied to the test output: the shared captured fixtures live under "fixtures/",
    /// our hand-written ones under "Fixtures/".</summary>
    public static string PathOf(string relativePath) => Path.Combine(AppContext.BaseDirectory, relativePath);

    public static string[] Lines(string relativePath) => File.ReadAllLines(PathOf(relativePath));
}
