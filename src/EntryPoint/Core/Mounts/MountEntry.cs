namespace EntryPoint.Core.Mounts;

/// <summary>One line of /proc/self/mountinfo, with its escapes decoded.</summary>
public sealed record MountEntry(
    int Id,
    int ParentId,
    string MajorMinor,
    string Root,
    string MountPoint,
    string MountOptions,
    IReadOnlyList<string> OptionalFields,
    string FsType,
    string Source,
    string SuperOptions)
{
    private const string DockerVolumes = "/var/lib/docker/volumes/";
    private const string DeletedSuffix = "//deleted";

    /// <summary>Per-mount read-only flag: the first of the mount options, not the superblock's.</summary>
    public bool ReadOnly => MountOptions == "ro" || MountOptions.StartsWith("ro,", StringComparison.Ordinal);

    /// <summary>The kernel appends "//deleted" to the root when the bind-mounted file or folder was removed on the host.</summary>
    public bool RootDeleted => Root.EndsWith(DeletedSuffix, StringComparison.Ordinal);

    /// <summary>A Docker named volume's name, when the root is the volume's _data folder.</summary>
    public string? VolumeName
    {
        get
        {
            var root = RootDeleted ? Root[..^DeletedSuffix.Length] : Root;
            var at = root.IndexOf(DockerVolumes, StringComparison.Ordinal);
            if (at < 0)
            {
                return null;
            }

            var rest = root[(at + DockerVolumes.Length)..];
            var slash = rest.IndexOf('/');
            return slash > 0 && rest[slash..].StartsWith("/_data", StringComparison.Ordinal) ? rest[..slash] : null;
        }
    }

    /// <summary>
    /// What an operator would call the origin: "volume NAME", the host path of a bind mount (the root field, which
    /// is the path inside the host filesystem), or the filesystem type for tmpfs and the like.
    /// </summary>
    public string Origin
    {
        get
        {
            if (VolumeName is { } volume)
            {
                return "volume " + volume;
            }

            if (Root != "/")
            {
                return Root;
            }

            return FsType is "tmpfs" or "overlay" or "proc" or "sysfs" or "devpts" or "mqueue" ? FsType : $"{Source} ({FsType})";
        }
    }
}
