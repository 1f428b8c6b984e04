namespace EntryPoint.Tests;

internal static class FixtureFiles
{
    /// <summary>Path of a file copied to the test output: the shared captured fixtures live under "fixtures/",
    /// our hand-written ones under "Fixtures/".</summary>
    public static string PathOf(string relativePath) => Path.Combine(AppContext.BaseDirectory, relativePath);

    public static string[] Lines(string relativePath) => File.ReadAllLines(PathOf(relativePath));
}
