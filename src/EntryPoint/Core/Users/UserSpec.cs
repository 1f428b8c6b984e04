namespace EntryPoint.Core.Users;

/// <summary>
/// A <c>--user</c> / <c>ENTRYPOINT_USER</c> value split into its parts, not yet looked up. Each part is a name or,
/// when it is all digits, a number (as Docker, gosu and su-exec read it).
/// </summary>
public sealed record UserSpec(string User, string? Group)
{
    public const string AcceptedForm = "NAME[:GROUP] or UID[:GID], e.g. node, node:gpio or 1000:1000";

    /// <summary>As the operator wrote it, for messages.</summary>
    public override string ToString() => Group is null ? User : $"{User}:{Group}";

    /// <summary>The uid when <see cref="User"/> is a number.</summary>
    public uint? Uid => Passwd.TryParseId(User, out var uid) ? uid : null;

    /// <summary>The gid when <see cref="Group"/> is a number.</summary>
    public uint? Gid => Group is not null && Passwd.TryParseId(Group, out var gid) ? gid : null;

    /// <summary>Splits <c>USER[:GROUP]</c>; bad input gives an error that names the value and the accepted form.</summary>
    public static Result<UserSpec> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Invalid(text ?? "", "it is empty");
        }

        var parts = text.Split(':');
        if (parts.Length > 2)
        {
            return Invalid(text, "it has more than one ':'");
        }

        var user = parts[0];
        var group = parts.Length == 2 ? parts[1] : null;
        if (CheckPart(user, "user") is { } userProblem)
        {
            return Invalid(text, userProblem);
        }

        if (group is not null && CheckPart(group, "group") is { } groupProblem)
        {
            return Invalid(text, groupProblem);
        }

        return Result<UserSpec>.Ok(new UserSpec(user, group));
    }

    /// <summary>
    /// Looks the spec up in the image's passwd and group entries. A uid that has no passwd entry is fine (HOME is
    /// <c>/</c>), a name that has none is an error.
    /// </summary>
    /// <remarks>
    /// Without a group, the gid is the passwd entry's, or 0 for a uid with no entry: that is what <c>docker run
    /// --user UID</c>, gosu and su-exec do, so a user moving from them sees the same ids. The supplementary groups are
    /// the primary gid plus every group that lists the user's name, as login's initgroups() gives.
    /// </remarks>
    public Result<ResolvedUser> Resolve(IReadOnlyList<PasswdEntry> passwd, IReadOnlyList<GroupEntry> groups)
    {
        PasswdEntry? account;
        uint uid;
        if (Uid is { } numericUid)
        {
            uid = numericUid;
            account = passwd.FirstOrDefault(p => p.Uid == numericUid);
        }
        else
        {
            account = passwd.FirstOrDefault(p => p.Name == User);
            if (account is null)
            {
                return Result<ResolvedUser>.Fail(
                    $"user '{User}' is not in the image's /etc/passwd; use a user listed there or a number: {AcceptedForm}.");
            }

            uid = account.Uid;
        }

        uint gid;
        if (Group is null)
        {
            gid = account?.Gid ?? 0;
        }
        else if (Gid is { } numericGid)
        {
            gid = numericGid;
        }
        else
        {
            var group = groups.FirstOrDefault(g => g.Name == Group);
            if (group is null)
            {
                return Result<ResolvedUser>.Fail(
                    $"group '{Group}' is not in the image's /etc/group; use a group listed there or a number: {AcceptedForm}.");
            }

            gid = group.Gid;
        }

        var supplementary = new List<uint> { gid };
        if (account is not null)
        {
            foreach (var group in groups)
            {
                if (group.Members.Contains(account.Name, StringComparer.Ordinal) && !supplementary.Contains(group.Gid))
                {
                    supplementary.Add(group.Gid);
                }
            }
        }

        var home = string.IsNullOrEmpty(account?.Home) ? "/" : account.Home;
        return Result<ResolvedUser>.Ok(new ResolvedUser(uid, gid, account?.Name, home, supplementary));
    }

    private static Result<UserSpec> Invalid(string text, string reason) =>
        Result<UserSpec>.Fail($"user '{text}' is not valid ({reason}); expected {AcceptedForm}.");

    // Names are only looked up, never created, so this rejects only what cannot be a name or id at all: a name that
    // starts with '-' ("-1" is not uid 4294967295) or holds spaces or control characters, and numbers out of range.
    private static string? CheckPart(string part, string what)
    {
        if (part.Length == 0)
        {
            return $"the {what} is empty";
        }

        if (part.All(char.IsAsciiDigit))
        {
            return Passwd.TryParseId(part, out _) ? null : $"the {what} id {part} is out of range";
        }

        if (part[0] == '-' || part.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return $"'{part}' is not a {what} name or number";
        }

        return null;
    }
}

/// <summary>
/// The ids the app will run with. <see cref="Name"/> is null for a uid without a passwd entry;
/// <see cref="SupplementaryGids"/> includes <see cref="Gid"/>.
/// </summary>
public sealed record ResolvedUser(uint Uid, uint Gid, string? Name, string Home, IReadOnlyList<uint> SupplementaryGids)
{
    public AppIdentity Identity => new(Uid, Gid, SupplementaryGids);
}

/// <summary>
/// Who the kernel will check file access for: uid, primary gid, and all groups (the primary one included or not;
/// <see cref="InGroup"/> looks at both).
/// </summary>
public sealed record AppIdentity(uint Uid, uint Gid, IReadOnlyList<uint> Groups)
{
    public bool IsRoot => Uid == 0;

    public bool InGroup(uint gid) => Gid == gid || Groups.Contains(gid);

    public override string ToString() => $"{Uid}:{Gid}";
}
