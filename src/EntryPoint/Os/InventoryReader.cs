using System.IO.Enumeration;
using EntryPoint.Core.Linking;
using EntryPoint.Os.Native;

namespace EntryPoint.Os;

/// <summary>
/// Lists a folder of custom code two levels deep at most: the entries, and the marker files inside each.
/// Every visible entry is counted (getdents is cheap); only the first <see cref="Inventory.Limit"/> are examined,
/// so a folder of any size costs a bounded number of stat calls.
/// </summary>
public static class InventoryReader
{
    public static (Inventory Inventory, string? Problem) Read(string directory, IReadOnlyList<string> markers)
    {
        var names = new List<string>();
        var total = 0;
        try
        {
            var options = new EnumerationOptions { IgnoreInaccessible = false, RecurseSubdirectories = false, AttributesToSkip = 0 };
            var entries = new FileSystemEnumerable<string>(directory, (ref FileSystemEntry e) => e.FileName.ToString(), options);
            foreach (var name in entries)
            {
                // Hidden entries (.git, .gitkeep) are not custom code; the app ignores them too.
                if (name.StartsWith('.'))
                {
                    continue;
                }

                total++;
                names.Add(name);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (new Inventory(0, []), e is UnauthorizedAccessException ? "permission denied" : e.Message);
        }

        names.Sort(StringComparer.Ordinal);
        var described = names.Take(Inventory.Limit).Select(n => Describe(directory, n, markers)).ToList();
        return (new Inventory(total, described), null);
    }

    private static InventoryEntry Describe(string directory, string name, IReadOnlyList<string> markers)
    {
        var path = Path.Combine(directory, name);
        var (own, _) = Statx.Lstat(path);
        var kind = own switch
        {
            { IsSymlink: true } => Statx.Stat(path).Errno == 0 ? EntryKind.Symlink : EntryKind.DanglingSymlink,
            { IsDirectory: true } => EntryKind.Directory,
            { IsRegular: true } => EntryKind.File,
            _ => EntryKind.Other,
        };
        bool? found = markers.Count == 0 ? null
            : kind is EntryKind.Directory or EntryKind.Symlink && markers.Any(m => Statx.Stat(Path.Combine(path, m)).Errno == 0);
        return new InventoryEntry(name, kind, found);
    }
}
