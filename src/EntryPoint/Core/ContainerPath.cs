namespace EntryPoint.Core;

/// <summary>
/// Paths as the container sees them ("/app/x"), and their place on the host under --root. Kept apart so that a
/// symlink we write points at the container path, never at the test directory that stood in for "/".
/// </summary>
public static class ContainerPath
{
    public static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }

                continue;
            }

            parts.Add(part);
        }

        return "/" + string.Join('/', parts);
    }

    /// <summary>True when <paramref name="path"/> is strictly below <paramref name="dir"/>.</summary>
    public static bool IsInside(string path, string dir) =>
        path.Length > dir.Length && path.StartsWith(dir, StringComparison.Ordinal) && (dir == "/" || path[dir.Length] == '/');

    public static string Parent(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash <= 0 ? "/" : path[..slash];
    }

    public static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];

    /// <summary>Where a container path lives on this host: under <paramref name="root"/>.</summary>
    public static string OnHost(string root, string containerPath) =>
        root == "/" ? containerPath : root.TrimEnd('/') + containerPath;

    /// <summary>The symlink text that reaches <paramref name="source"/> from a link at <paramref name="target"/>.</summary>
    /// <remarks>Relative, so the same link works in the container and under a test --root.</remarks>
    public static string RelativeLinkText(string target, string source)
    {
        var from = Parent(target).Split('/', StringSplitOptions.RemoveEmptyEntries);
        var to = source.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var common = 0;
        while (common < from.Length && common < to.Length && from[common] == to[common])
        {
            common++;
        }

        var up = Enumerable.Repeat("..", from.Length - common);
        var rel = string.Join('/', up.Concat(to.Skip(common)));
        return rel.Length == 0 ? "." : rel;
    }

    /// <summary>Resolves symlink text found at <paramref name="linkPath"/> to a container path (one level, lexically).</summary>
    public static string ResolveLinkText(string linkPath, string linkText) =>
        Normalize(linkText.StartsWith('/') ? linkText : Parent(linkPath) + "/" + linkText);
}
