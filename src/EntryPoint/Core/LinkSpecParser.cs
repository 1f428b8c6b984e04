namespace EntryPoint.Core;

/// <summary>
/// Parses <c>[NAME=]SOURCE:TARGET</c> and <c>NAME=FILE[|FILE...]</c>, and checks a set of links for the mistakes
/// that would make the entrypoint link a folder into itself or two links fight over one TARGET.
/// </summary>
public static class LinkSpecParser
{
    public const string LinkForm = "[NAME=]SOURCE:TARGET with absolute paths, e.g. modules=/app/custom-modules:/app/modules/custom";
    public const string MarkerForm = "NAME=FILE[|FILE...], e.g. plugins=plugin.json|index.js";

    /// <summary>The seed's two links, with what the app looks for in each.</summary>
    public static IReadOnlyList<LinkSpec> Defaults { get; } =
    [
        new("modules", "/app/custom-modules", "/app/modules/custom", ["module.yaml"]),
        new("mcp", "/app/custom-mcp", "/app/server/mcp/custom", ["package.json", "index.js", "build/index.js"]),
    ];

    public static Result<LinkSpec> ParseLink(string text, int index)
    {
        var spec = text.Trim();
        string? name = null;
        var eq = spec.IndexOf('=');
        var colon = spec.IndexOf(':');
        if (eq > 0 && (colon < 0 || eq < colon))
        {
            name = spec[..eq].Trim();
            spec = spec[(eq + 1)..].Trim();
            if (!IsValidName(name))
            {
                return Result<LinkSpec>.Fail($"link '{text}': name '{name}' may only hold letters, digits, '-', '_' and '.'; expected {LinkForm}");
            }
        }

        colon = spec.IndexOf(':');
        if (colon < 0)
        {
            return Result<LinkSpec>.Fail($"link '{text}' has no ':' between SOURCE and TARGET; expected {LinkForm}");
        }

        var source = spec[..colon].Trim();
        var target = spec[(colon + 1)..].Trim();
        if (!IsAbsolute(source) || !IsAbsolute(target))
        {
            return Result<LinkSpec>.Fail($"link '{text}': SOURCE and TARGET must be absolute container paths; expected {LinkForm}");
        }

        source = ContainerPath.Normalize(source);
        target = ContainerPath.Normalize(target);
        if (target == "/" || source == "/")
        {
            return Result<LinkSpec>.Fail($"link '{text}': '/' cannot be a SOURCE or a TARGET; expected {LinkForm}");
        }

        if (source == target)
        {
            return Result<LinkSpec>.Fail($"link '{text}': SOURCE and TARGET are the same path");
        }

        if (ContainerPath.IsInside(source, target))
        {
            return Result<LinkSpec>.Fail($"link '{text}': SOURCE {source} is inside TARGET {target}, so linking would hide it");
        }

        if (ContainerPath.IsInside(target, source))
        {
            return Result<LinkSpec>.Fail($"link '{text}': TARGET {target} is inside SOURCE {source}, so the link would point into itself");
        }

        name ??= DefaultName(source, target, index);
        var known = Defaults.FirstOrDefault(d => d.Name == name && d.Source == source && d.Target == target);
        return Result<LinkSpec>.Ok(new LinkSpec(name, source, target, known?.Markers ?? []));
    }

    /// <summary>Parses a whole list, then applies markers and checks that names and targets are unique.</summary>
    public static Result<IReadOnlyList<LinkSpec>> ParseAll(IReadOnlyList<string> links, IReadOnlyList<string> markers)
    {
        var parsed = new List<LinkSpec>();
        for (var i = 0; i < links.Count; i++)
        {
            var one = ParseLink(links[i], i);
            if (!one.IsOk)
            {
                return Result<IReadOnlyList<LinkSpec>>.Fail(one.Error);
            }

            parsed.Add(one.Value);
        }

        foreach (var marker in markers)
        {
            var eq = marker.IndexOf('=');
            var name = eq > 0 ? marker[..eq].Trim() : "";
            var files = eq > 0
                ? marker[(eq + 1)..].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                : [];
            if (name.Length == 0 || files.Length == 0 || files.Any(f => f.StartsWith('/') || f.Split('/').Contains("..")))
            {
                return Result<IReadOnlyList<LinkSpec>>.Fail($"marker '{marker}' is not valid; expected {MarkerForm} with paths relative to the entry");
            }

            var at = parsed.FindIndex(l => l.Name == name);
            if (at < 0)
            {
                return Result<IReadOnlyList<LinkSpec>>.Fail($"marker '{marker}' names link '{name}', but the links are: {string.Join(", ", parsed.Select(l => l.Name))}");
            }

            parsed[at] = parsed[at] with { Markers = files };
        }

        for (var i = 0; i < parsed.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                var a = parsed[j];
                var b = parsed[i];
                if (a.Name == b.Name)
                {
                    return Result<IReadOnlyList<LinkSpec>>.Fail($"two links are named '{a.Name}'; give each link its own NAME= ({LinkForm})");
                }

                if (a.Target == b.Target || ContainerPath.IsInside(a.Target, b.Target) || ContainerPath.IsInside(b.Target, a.Target))
                {
                    return Result<IReadOnlyList<LinkSpec>>.Fail($"links '{a.Name}' and '{b.Name}' have overlapping TARGETs {a.Target} and {b.Target}");
                }

                if (ContainerPath.IsInside(a.Source, b.Target) || ContainerPath.IsInside(b.Source, a.Target) || a.Source == b.Target || b.Source == a.Target)
                {
                    return Result<IReadOnlyList<LinkSpec>>.Fail($"links '{a.Name}' and '{b.Name}': one's SOURCE is the other's TARGET or inside it");
                }
            }
        }

        return Result<IReadOnlyList<LinkSpec>>.Ok(parsed);
    }

    private static bool IsAbsolute(string path) => path.StartsWith('/');

    private static bool IsValidName(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static string DefaultName(string source, string target, int index)
    {
        var byDefault = Defaults.FirstOrDefault(d => d.Source == source && d.Target == target);
        return byDefault?.Name ?? $"link{index + 1}";
    }
}
