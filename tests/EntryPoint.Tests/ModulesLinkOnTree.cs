using EntryPoint.Core;
using EntryPoint.Core.Linking;
using EntryPoint.Core.Mounts;
using EntryPoint.Os;

namespace EntryPoint.Tests;

/// <summary>
/// The modules link (the first default) read and planned on a real <see cref="TempTree"/>. The mount table is empty:
/// real mounts need root and a namespace, so they are the integration tests'.
/// </summary>
internal static class ModulesLinkOnTree
{
    public static readonly LinkSpec Modules = LinkSpecParser.Defaults[0];

    public static SnapshotReader Reader(this TempTree tree) => new(tree.Root, () => new MountTable([]));

    public static LinkSnapshot ReadModules(this SnapshotReader reader) => reader.Read([Modules]).Links[0];

    public static LinkPlan PlanModules(this SnapshotReader reader) => Planner.Plan(reader.Read([Modules]), diagnose: false).Links[0];
}
