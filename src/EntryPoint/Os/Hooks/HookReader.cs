using EntryPoint.Core;
using EntryPoint.Core.Hooks;
using EntryPoint.Core.Users;
using EntryPoint.Os.Native;

namespace EntryPoint.Os.Hooks;

/// <summary>Reads the hooks directory (a container path, under --root).</summary>
public interface IHookSource
{
    HookSnapshot Read(string dir);
}

/// <summary>Lists the hooks directory and stats each entry, following symlinks (a hook may be a link to a script).</summary>
public sealed class HookReader(string root) : IHookSource
{
    public HookSnapshot Read(string dir)
    {
        var host = ContainerPath.OnHost(root, dir);
        var (status, errno) = Statx.Stat(host);
        if (errno is Errno.ENOENT or Errno.ENOTDIR)
        {
            return HookSnapshot.Missing(dir);
        }

        if (errno != 0)
        {
            return new HookSnapshot(dir, HookDirState.Unreadable, null, [], Errno.Describe(errno));
        }

        var dirFacts = status.Facts;
        if (!status.IsDirectory)
        {
            return new HookSnapshot(dir, HookDirState.NotADirectory, dirFacts, []);
        }

        var entries = new List<HookEntry>();
        try
        {
            foreach (var path in Directory.EnumerateFileSystemEntries(host))
            {
                entries.Add(Entry(Path.GetFileName(path), path));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new HookSnapshot(dir, HookDirState.Unreadable, dirFacts, [], e is UnauthorizedAccessException ? "permission denied" : e.Message);
        }

        return new HookSnapshot(dir, HookDirState.Directory, dirFacts, entries);
    }

    private static HookEntry Entry(string name, string path)
    {
        var (status, errno) = Statx.Stat(path);
        if (errno != 0)
        {
            var (link, linkErrno) = Statx.Lstat(path);
            return new HookEntry(name, linkErrno == 0 && link.IsSymlink ? HookEntryKind.DanglingSymlink : HookEntryKind.Other, null);
        }

        var kind = status.IsRegular ? HookEntryKind.File : status.IsDirectory ? HookEntryKind.Directory : HookEntryKind.Other;
        return new HookEntry(name, kind, status.Facts);
    }
}
