using System.Text.Json;
using EntryPoint.Core.Linking;
using EntryPoint.Core.Mounts;

namespace EntryPoint.Core.Reporting;

/// <summary>
/// The `diagnose --json` object, written field by field with Utf8JsonWriter: no reflection, so it is AOT-safe, and
/// the field names are the contract's, spelled out here once.
/// </summary>
public static class JsonReport
{
    public static void Write(Stream output, Plan plan, string status, IReadOnlyList<Finding> extraFindings, Action<Utf8JsonWriter>? sections = null)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("status", status);
        json.WriteString("version", typeof(JsonReport).Assembly.GetName().Version?.ToString(3));
        json.WriteStartArray("links");
        foreach (var link in plan.Links)
        {
            WriteLink(json, link);
        }

        json.WriteEndArray();
        sections?.Invoke(json);
        json.WriteStartArray("findings");
        foreach (var finding in plan.AllFindings.Concat(extraFindings))
        {
            json.WriteStartObject();
            json.WriteString("severity", finding.Severity.ToString().ToLowerInvariant());
            json.WriteString("code", finding.Code);
            json.WriteString("path", finding.Path);
            json.WriteString("message", finding.Message);
            json.WriteString("hint", finding.Hint);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.Write("\n"u8);
    }

    private static void WriteLink(Utf8JsonWriter json, LinkPlan link)
    {
        var snapshot = link.Snapshot;
        json.WriteStartObject();
        json.WriteString("name", link.Spec.Name);
        json.WriteString("source", link.Spec.Source);
        json.WriteString("target", link.Spec.Target);
        json.WriteString("mode", Plan.ModeName(link.Mode));
        json.WriteString("state", link.Outcome);
        json.WriteString("source_state", Describe.Source(snapshot.Source));
        json.WriteString("target_state", Describe.Target(snapshot.Target));
        WriteMount(json, "source_mount", snapshot.Source.Mount);
        WriteMount(json, "target_mount", snapshot.Target.Mount);

        var inventory = link.Inventory;
        json.WriteNumber("entries_total", inventory?.Total ?? 0);
        json.WriteBoolean("entries_truncated", inventory?.Truncated ?? false);
        json.WriteStartArray("entries");
        foreach (var entry in inventory?.Entries ?? [])
        {
            json.WriteStartObject();
            json.WriteString("name", entry.Name);
            json.WriteString("kind", entry.Kind switch
            {
                EntryKind.Directory => "directory",
                EntryKind.File => "file",
                EntryKind.Symlink => "symlink",
                EntryKind.DanglingSymlink => "dangling-symlink",
                _ => "other",
            });
            if (entry.Found is { } found)
            {
                json.WriteBoolean("found", found);
            }
            else
            {
                json.WriteNull("found");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteMount(Utf8JsonWriter json, string name, MountEntry? mount)
    {
        if (mount is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteBoolean("read_only", mount.ReadOnly);
        json.WriteString("source", mount.Origin);
        json.WriteString("volume", mount.VolumeName);
        json.WriteString("fs_type", mount.FsType);
        json.WriteEndObject();
    }
}
