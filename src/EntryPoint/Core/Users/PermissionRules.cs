using System.Globalization;

namespace EntryPoint.Core.Users;

/// <summary>
/// What stat() says about a path, as far as permissions go. <see cref="Mode"/> may be the whole st_mode; only the
/// permission bits (07777) are used.
/// </summary>
public sealed record FileFacts(uint OwnerUid, uint OwnerGid, uint Mode, bool IsDirectory)
{
    public uint PermissionBits => Mode & 0x0FFF; // 07777

    /// <summary>The permission bits in octal with a leading zero, as chmod and stat %#a write them: <c>0755</c>, <c>01777</c>.</summary>
    public string OctalMode => "0" + Convert.ToString(PermissionBits, 8).PadLeft(3, '0');

    public string Owner => string.Create(CultureInfo.InvariantCulture, $"{OwnerUid}:{OwnerGid}");
}

/// <summary>
/// The kernel's permission check (generic_permission) for one path, without touching the file system: the owner
/// class applies to the owner, else the group class to a member of the owning group, else the other class; only one
/// class is ever looked at, so an owner with 0077 can do nothing. uid 0 is taken to have CAP_DAC_OVERRIDE, as it
/// does in a container by default: it reads and writes everything and searches every directory, but runs a file only
/// when some x bit is set.
/// </summary>
/// <remarks>Not modelled: ACLs, a read-only mount (the caller knows that from mountinfo), capabilities dropped from
/// root, and user namespaces (rootless Docker) where uid 0 is not the host's root.</remarks>
public static class PermissionRules
{
    private const uint Read = 4, Write = 2, Execute = 1;
    private const uint AnyExecute = 0x49; // 0111
    private const uint OtherWrite = 0x2; // 0002

    public static bool CanRead(FileFacts file, AppIdentity app) => app.IsRoot || Allowed(file, app, Read);

    public static bool CanWrite(FileFacts file, AppIdentity app) => app.IsRoot || Allowed(file, app, Write);

    /// <summary>Execute for a file, search (entering, opening by name) for a directory.</summary>
    public static bool CanExecute(FileFacts file, AppIdentity app) =>
        app.IsRoot ? file.IsDirectory || HasAnyExecuteBit(file) : Allowed(file, app, Execute);

    /// <summary>A directory needs r (to read the names) and x (to open what is in it); a file needs r.</summary>
    public static bool CanList(FileFacts file, AppIdentity app) =>
        CanRead(file, app) && (!file.IsDirectory || CanExecute(file, app));

    public static bool IsWorldWritable(FileFacts file) => (file.PermissionBits & OtherWrite) != 0;

    /// <summary>Whether any x bit is set: a file meant to be run, by someone.</summary>
    public static bool HasAnyExecuteBit(FileFacts file) => (file.PermissionBits & AnyExecute) != 0;

    /// <summary>
    /// The findings for a link's SOURCE (custom code): an error when the app's user cannot list or read it, a warning
    /// when that user can write it, and one when anybody can.
    /// </summary>
    /// <param name="path">SOURCE as the container sees it, for the message.</param>
    /// <param name="hostPath">Where it comes from on the host (from mountinfo), for the commands in the hints; the
    /// container path is used when it is not known.</param>
    /// <param name="readOnlyMount">SOURCE is on a read-only mount, so nobody in the container can write to it
    /// whatever the mode says: no "writable by the app" warning.</param>
    public static IReadOnlyList<Finding> CheckSource(
        string path, FileFacts source, AppIdentity app, string? hostPath = null, bool readOnlyMount = false)
    {
        var findings = new List<Finding>();
        var fixPath = hostPath ?? path;
        var facts = $"owner {source.Owner}, mode {source.OctalMode}";

        if (!CanList(source, app))
        {
            var what = source.IsDirectory
                ? "cannot list it (a directory needs both r and x for the app's user)"
                : "cannot read it";
            findings.Add(Finding.Error(
                "source-not-readable",
                path,
                $"Custom code at {path} ({facts}) is not readable by the app, which runs as {app}: it {what}.",
                $"On the host, run `chmod -R 755 {fixPath}`, or set DOCKER_USER={source.OwnerUid} and "
                + $"DOCKER_GROUP={source.OwnerGid} in .env so the app runs as the owner."));
        }

        if (!readOnlyMount && CanWrite(source, app))
        {
            findings.Add(Finding.Warning(
                "source-writable-by-app",
                path,
                $"Custom code at {path} ({facts}) is writable by the app, which runs as {app}{WriteReason(source, app)}.",
                $"Mount it read-only (`:ro`), or on the host run `chmod -R go-w {fixPath}` and let a user other than the app's own it."));
        }

        if (IsWorldWritable(source))
        {
            findings.Add(Finding.Warning(
                "source-world-writable",
                path,
                $"Custom code at {path} ({facts}) is world-writable: any user can change it.",
                $"On the host, run `chmod -R o-w {fixPath}`."));
        }

        return findings;
    }

    private static bool Allowed(FileFacts file, AppIdentity app, uint bit)
    {
        var bits = file.PermissionBits;
        var shift = app.Uid == file.OwnerUid ? 6 : app.InGroup(file.OwnerGid) ? 3 : 0;
        return ((bits >> shift) & bit) != 0;
    }

    private static string WriteReason(FileFacts file, AppIdentity app) =>
        app.IsRoot ? " (root writes anything)"
        : app.Uid == file.OwnerUid ? " (it owns it)"
        : app.InGroup(file.OwnerGid) ? " (through its group)"
        : " (through the 'other' bits)";
}
