using EntryPoint.Core.Users;
using EntryPoint.Os.Native;

namespace EntryPoint.Os;

/// <summary>Becomes the app's user for good: supplementary groups, then gid, then uid, then proof that root is gone.</summary>
public interface IPrivilegeDrop
{
    /// <summary>Null on success; otherwise why, and the process must not go on (it may be half-dropped).</summary>
    string? DropTo(ResolvedUser user);
}

public sealed class PrivilegeDrop : IPrivilegeDrop
{
    public string? DropTo(ResolvedUser user)
    {
        // The order matters: setgroups and setgid need root, which setuid gives up.
        var groups = SetGroups.To(user.SupplementaryGids);
        if (!groups.Ok)
        {
            return $"setgroups({string.Join(',', user.SupplementaryGids)}) failed: {groups.Message}";
        }

        var gid = SetGid.To(user.Gid);
        if (!gid.Ok)
        {
            return $"setgid({user.Gid}) failed: {gid.Message}";
        }

        var uid = SetUid.To(user.Uid);
        if (!uid.Ok)
        {
            return $"setuid({user.Uid}) failed: {uid.Message}";
        }

        if (Identity.EffectiveUid != user.Uid || Identity.EffectiveGid != user.Gid)
        {
            return $"after the drop the process runs as {Identity.EffectiveUid}:{Identity.EffectiveGid}, not {user.Uid}:{user.Gid}";
        }

        // Verified the hard way: if root could be taken back, the drop did not hold.
        if (user.Uid != 0 && SetUid.To(0).Ok)
        {
            return "root could be regained after the drop (setuid(0) succeeded)";
        }

        if (user.Uid != 0 && user.Gid != 0 && SetGid.To(0).Ok)
        {
            return "group root could be regained after the drop (setgid(0) succeeded)";
        }

        return null;
    }
}
