using EntryPoint.Core;
using System.Runtime.InteropServices;

namespace EntryPoint.Os.Native;

/// <summary>What statx(2) says about a path. Mode holds the S_IFMT type bits and the permission bits.</summary>
public readonly record struct FileStatus(uint Mode, uint Uid, uint Gid, uint DevMajor, uint DevMinor, uint RdevMajor, uint RdevMinor, ulong Inode, bool MountRoot)
{
    public const uint TypeMask = 0xF000; // S_IFMT
    public bool IsDirectory => (Mode & TypeMask) == 0x4000;
    public bool IsRegular => (Mode & TypeMask) == 0x8000;
    public bool IsSymlink => (Mode & TypeMask) == 0xA000;
    public bool IsCharDevice => (Mode & TypeMask) == 0x2000;
    public uint Permissions => Mode & 0xFFF;

    /// <summary>Owner and mode, for the permission rules.</summary>
    public Core.Users.FileFacts Facts => new(Uid, Gid, Permissions, IsDirectory);

    public bool SameFileAs(FileStatus other) =>
        Inode == other.Inode && DevMajor == other.DevMajor && DevMinor == other.DevMinor;
}

/// <summary>
/// statx(2) through glibc. Chosen over stat/lstat because struct statx has one layout on every architecture
/// (struct stat differs between x64 and arm64), and it says directly whether a path is the root of a mount.
/// Mono.Posix's stat goes through its helper library, which we do not ship.
/// </summary>
public static partial class Statx
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxBasicStats = 0x7FF;
    private const ulong StatxAttrMountRoot = 0x2000;

    // struct statx offsets (include/uapi/linux/stat.h): stx_attributes @8, stx_uid @20, stx_gid @24, stx_mode @28,
    // stx_ino @32, stx_attributes_mask @56, stx_rdev_major @128, stx_rdev_minor @132, stx_dev_major @136, stx_dev_minor @140.
    private const int BufferSize = 256;

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int StatxNative(int dirfd, string path, int flags, uint mask, byte* buffer);

    /// <summary>Like lstat: a symlink is described, not followed.</summary>
    public static (FileStatus Status, int Errno) Lstat(string path) => Call(path, AtSymlinkNoFollow);

    /// <summary>Like stat: symlinks are followed.</summary>
    public static (FileStatus Status, int Errno) Stat(string path) => Call(path, 0);

    /// <summary>Like fstat: the file an open descriptor holds.</summary>
    public static (FileStatus Status, int Errno) OfFd(int fd) => Call(fd, "", AtEmptyPath | AtSymlinkNoFollow);

    /// <summary>Like fstatat with AT_SYMLINK_NOFOLLOW: a name inside the directory a descriptor holds.</summary>
    public static (FileStatus Status, int Errno) LstatAt(int dirfd, string name) => Call(dirfd, name, AtSymlinkNoFollow);

    private static (FileStatus, int) Call(string path, int flags) => Call(AtFdCwd, path, flags);

    private static unsafe (FileStatus, int) Call(int dirfd, string path, int flags)
    {
        var buffer = stackalloc byte[BufferSize];
        if (StatxNative(dirfd, path, flags, StatxBasicStats, buffer) != 0)
        {
            return (default, Errno.Last);
        }

        var attributes = *(ulong*)(buffer + 8);
        var attributesMask = *(ulong*)(buffer + 56);
        var status = new FileStatus(
            Mode: *(ushort*)(buffer + 28),
            Uid: *(uint*)(buffer + 20),
            Gid: *(uint*)(buffer + 24),
            DevMajor: *(uint*)(buffer + 136),
            DevMinor: *(uint*)(buffer + 140),
            RdevMajor: *(uint*)(buffer + 128),
            RdevMinor: *(uint*)(buffer + 132),
            Inode: *(ulong*)(buffer + 32),
            MountRoot: (attributesMask & StatxAttrMountRoot) != 0 && (attributes & StatxAttrMountRoot) != 0);
        return (status, 0);
    }
}
