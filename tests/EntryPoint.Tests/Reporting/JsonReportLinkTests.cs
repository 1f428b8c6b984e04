using System.Text.Json;
using EntryPoint.Core;
using EntryPoint.Core.Linking;
using EntryPoint.Core.Reporting;

namespace EntryPoint.Tests.Reporting;

/// <summary>The `diagnose --json` link objects name each link's own SOURCE and TARGET, for scripts that read them.</summary>
public sealed class JsonReportLinkTests
{
    private static TargetState Target(TargetKind kind) => new(kind, null, false, false, null, [], [], null, null);

    private static readonly SourceState Missing = new(SourceKind.Missing, new Inventory(0, []), null, null);

    private static JsonElement Report(params LinkSpec[] specs)
    {
        var plan = Planner.Plan(new Snapshot(specs.Select(s => new LinkSnapshot(s, Missing, Target(TargetKind.Missing))).ToList(), null), diagnose: true);
        using var output = new MemoryStream();
        JsonReport.Write(output, plan, "ok", []);
        return JsonDocument.Parse(output.ToArray()).RootElement.Clone();
    }

    [Fact]
    public void Each_link_reports_its_own_source_and_target()
    {
        var links = Report(
            LinkSpecParser.Defaults[0],
            LinkSpecParser.Defaults[1],
            new LinkSpec("plugins", "/srv/custom plugins", "/opt/app/plugins", [])).GetProperty("links").EnumerateArray().ToList();

        Assert.Equal(
            [
                ("modules", "/app/custom-modules", "/app/modules/custom"),
                ("mcp", "/app/custom-mcp", "/app/server/mcp/custom"),
                ("plugins", "/srv/custom plugins", "/opt/app/plugins"),
            ],
            links.Select(l => (l.GetProperty("name").GetString(), l.GetProperty("source").GetString(), l.GetProperty("target").GetString())));
    }

    [Fact]
    public void Source_and_target_are_not_swapped()
    {
        var link = Report(new LinkSpec("x", "/a/source", "/b/target", [])).GetProperty("links")[0];

        Assert.Equal("/a/source", link.GetProperty("source").GetString());
        Assert.Equal("/b/target", link.GetProperty("target").GetString());
    }
}
