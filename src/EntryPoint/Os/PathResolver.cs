using EntryPoint.Core;
using EntryPoint.Os.Native;

namespace EntryPoint.Os;

/// <summary>
/// Resolves a container path through its symlinks as the container would see them: an absolute link text starts
/// again at root (so under --root nothing resolves outside it). Only reads: lstat and readlink, at most
/// <see cref="MaxLinks"/> links, after which the answer is ELOOP, as the kernel's.
/// </summary>
public static class PathResolver
{
    public const int MaxLinks = 40;

    /// <summary>The path with every symlink resolved; a part that does not exist is kept as written.</summary>
    public static (string Path, int Errno) Resolve(string root, string containerPath)
    {
        var pending = new Stack<string>(containerPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse());
        var done = new List<string>();
        var links = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (done.Count > 0)
                {
                    done.RemoveAt(done.Count - 1);
                }

                continue;
            }

            var path = "/" + string.Join('/', done.Append(part));
            var host = ContainerPath.OnHost(root, path);
            if (Statx.Lstat(host) is not ({ IsSymlink: true }, 0))
            {
                done.Add(part);
                continue;
            }

            if (++links > MaxLinks)
            {
                return (path, Errno.ELOOP);
            }

            string? text;
            try
            {
                text = new FileInfo(host).LinkTarget;
            }
            catch (IOException)
            {
                text = null;
            }

            if (string.IsNullOrEmpty(text))
            {
                done.Add(part);
                continue;
            }

            if (text.StartsWith('/'))
            {
                done.Clear();
            }

            foreach (var next in text.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse())
            {
                pending.Push(next);
            }
        }

        return ("/" + string.Join('/', done), 0);
    }

    /// <summary>
    /// Whether SOURCE, already resolved, is TARGET itself or inside it (a SOURCE symlink into TARGET): linking would
    /// make a loop, and a placeholder "seen" in SOURCE would be TARGET's own. TARGET itself is not followed.
    /// </summary>
    public static bool IsInsideTarget(string root, string resolvedSource, string target)
    {
        var (parent, parentErrno) = Resolve(root, ContainerPath.Parent(target));
        if (parentErrno != 0)
        {
            return false;
        }

        var resolvedTarget = (parent == "/" ? "" : parent) + "/" + ContainerPath.FileName(target);
        return resolvedSource == resolvedTarget || ContainerPath.IsInside(resolvedSource, resolvedTarget);
    }
}
