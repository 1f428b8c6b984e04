namespace EntryPoint.Core.Linking;

public enum LinkMode
{
    Symlink,
    BindMount,
    None,
    Conflict,
}

public enum LinkAction
{
    None,
    CreateSymlink,
    ReplaceSymlink,
    ReplacePlaceholderDirectory,
}

/// <param name="Outcome">Short words for the log line: "already linked", "will link", "kept", ...</param>
public sealed record LinkPlan(LinkSnapshot Snapshot, LinkMode Mode, LinkAction Action, string Outcome, IReadOnlyList<Finding> Findings)
{
    public LinkSpec Spec => Snapshot.Spec;

    /// <summary>The custom code this link is about: the mounted TARGET's for a direct mount, else SOURCE's.</summary>
    public Inventory? Inventory => Mode == LinkMode.BindMount ? Snapshot.Target.MountedInventory : Snapshot.Source.Inventory;
}

public sealed record Plan(IReadOnlyList<LinkPlan> Links, IReadOnlyList<Finding> Findings)
{
    public IEnumerable<Finding> AllFindings => Links.SelectMany(l => l.Findings).Concat(Findings);

    /// <summary>Whether a start must stop here: an error, or with --strict a warning.</summary>
    public bool Fails(bool strict) => Finding.Fail(AllFindings, strict);

    public static string ModeName(LinkMode mode) => mode switch
    {
        LinkMode.Symlink => "symlink",
        LinkMode.BindMount => "bind-mount",
        LinkMode.Conflict => "conflict",
        _ => "none",
    };
}
