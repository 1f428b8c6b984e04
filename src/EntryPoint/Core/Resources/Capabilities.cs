using System.Globalization;

namespace EntryPoint.Core.Resources;

/// <summary>
/// The capability sets of a process, as bit masks indexed by capability number (<c>CAP_SYS_RAWIO</c> is bit 17).
/// </summary>
public sealed record Capabilities(ulong Inheritable, ulong Permitted, ulong Effective, ulong Bounding, ulong Ambient)
{
    public const string SelfStatusPath = "/proc/self/status";

    /// <summary>Needed to open /dev/mem and do port I/O; Docker leaves it out unless <c>--cap-add SYS_RAWIO</c>.</summary>
    public const int SysRawio = 17;

    public static readonly Capabilities None = new(0, 0, 0, 0, 0);

    public bool HasEffective(int bit) => Has(Effective, bit);

    public bool HasPermitted(int bit) => Has(Permitted, bit);

    /// <summary>The set a non-root user keeps across execve.</summary>
    public bool HasAmbient(int bit) => Has(Ambient, bit);

    /// <summary>
    /// Parses the capability lines of <c>/proc/PID/status</c>: a name, a colon, a tab and 16 hex digits, e.g.
    /// <c>CapEff:\t00000000a80425fb</c>, for CapInh, CapPrm, CapEff, CapBnd and CapAmb. Other lines are ignored;
    /// a set that is missing or unreadable counts as empty, since an empty set is the safe assumption.
    /// </summary>
    public static Capabilities Parse(string statusText)
    {
        ulong inh = 0, prm = 0, eff = 0, bnd = 0, amb = 0;
        foreach (var rawLine in statusText.Split('\n'))
        {
            var colon = rawLine.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            var name = rawLine[..colon];
            if (!ulong.TryParse(rawLine[(colon + 1)..].Trim(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var mask))
            {
                continue;
            }

            switch (name)
            {
                case "CapInh": inh = mask; break;
                case "CapPrm": prm = mask; break;
                case "CapEff": eff = mask; break;
                case "CapBnd": bnd = mask; break;
                case "CapAmb": amb = mask; break;
            }
        }

        return new Capabilities(inh, prm, eff, bnd, amb);
    }

    /// <summary>Reads the sets of this process; null when the file cannot be read (no /proc).</summary>
    public static Capabilities? Read(string path = SelfStatusPath)
    {
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool Has(ulong mask, int bit) => bit is >= 0 and < 64 && (mask & (1UL << bit)) != 0;
}
