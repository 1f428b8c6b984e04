using EntryPoint.Core.Linking;

namespace EntryPoint.Core.Reporting;

/// <summary>The human report of `diagnose`, on stdout because the operator asked for it.</summary>
public static class TextReport
{
    public static void Write(TextWriter output, Plan plan, string status, IReadOnlyList<Finding> extraFindings, Action<TextWriter>? sections = null)
    {
        output.WriteLine($"entrypoint diagnose: {status}");
        foreach (var link in plan.Links)
        {
            var snapshot = link.Snapshot;
            output.WriteLine();
            output.WriteLine($"custom {link.Spec.Name}: mode={Plan.ModeName(link.Mode)} ({link.Outcome})");
            output.WriteLine($"  target {link.Spec.Target}: {Describe.Target(snapshot.Target)}");
            output.WriteLine($"  source {link.Spec.Source}: {Describe.Source(snapshot.Source)}");
            var inventory = link.Inventory;
            foreach (var entry in inventory?.Entries ?? [])
            {
                var found = entry.Found switch { true => "found by the app", false => "NOT found by the app", null => "" };
                output.WriteLine($"    {entry.Name}{(entry.Kind == EntryKind.Directory ? "/" : "")}  {found}".TrimEnd());
            }

            if (inventory is { Truncated: true })
            {
                output.WriteLine($"    ... {inventory.Total - inventory.Entries.Count} more");
            }
        }

        sections?.Invoke(output);

        var findings = plan.AllFindings.Concat(extraFindings).ToList();
        output.WriteLine();
        output.WriteLine(findings.Count == 0 ? "No findings." : "Findings:");
        foreach (var finding in findings)
        {
            output.WriteLine($"  {finding.Severity.ToString().ToUpperInvariant()} {finding.Code}: {finding.Message}");
            if (finding.Hint is not null)
            {
                output.WriteLine($"    fix: {finding.Hint}");
            }
        }
    }
}
