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
        var total = 0;
        // The first Limit names in ordinal order, without sorting (or even allocating) them all: a max-heap of the
        // Limit smallest names so far; an entry that sorts after all of them is only counted.
        var smallest = new PriorityQueue<string, string>(Inventory.Limit + 1, Comparer<string>.Create((a, b) => string.CompareOrdinal(b, a)));
        try
        {
            var options = new EnumerationOptions { IgnoreInaccessible = false, RecurseSubdirectories = false, AttributesToSkip = 0 };
            var entries = new FileSystemEnumerable<string>(directory, (ref FileSystemEntry e) => e.FileName.ToString(), options)
            {
                ShouldIncludePredicate = (ref FileSystemEntry e) =>
                {
                    var name = e.FileName;
                    // Hidden entries (.git, .gitkeep) are not custom code; the app ignores them too.
                    if (name.Length > 0 && name[0] == '.')
                    {
                        return false;
                    }

                    total++;
                    return smallest.Count < Inventory.Limit || name.SequenceCompareTo(smallest.Peek()) < 0;
                },
            };
            foreach (var name in entries)
            {
                if (smallest.Count < Inventory.Limit)
                {
                    smallest.Enqueue(name, name);
                }
                else
                {
                    smallest.EnqueueDequeue(name, name);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (new Inventory(0, []), e is UnauthorizedAccessException ? "permission denied" : e.Message);
        }

        var names = smallest.UnorderedItems.Select(item => item.Element).ToList();
        names.Sort(StringComparer.Ordinal);
        var described = names.Select(n => Describe(directory, n, markers)).ToList();
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
