namespace EntryPoint.Core;

/// <summary>How bad a finding is; the order matters (the worst one decides the status and exit code).</summary>
public enum Severity
{
    Info = 0,
    Warning = 1,
    Error = 2,
}

/// <summary>
/// One thing a probe found. <see cref="Code"/> is stable for scripts (kebab-case); <see cref="Message"/> says what
/// is wrong and where; <see cref="Hint"/> says what to do about it, or is null when there is nothing to do.
/// </summary>
public sealed record Finding(Severity Severity, string Code, string? Path, string Message, string? Hint = null)
{
    /// <summary>An error in a value the operator gave (found only once the image is probed): exit 2, as a bad option.</summary>
    public bool IsUsage { get; init; }

    public static Finding Usage(string code, string? path, string message, string? hint = null) =>
        new(Severity.Error, code, path, message, hint) { IsUsage = true };

    public static Finding Info(string code, string? path, string message, string? hint = null) =>
        new(Severity.Info, code, path, message, hint);

    public static Finding Warning(string code, string? path, string message, string? hint = null) =>
        new(Severity.Warning, code, path, message, hint);

    public static Finding Error(string code, string? path, string message, string? hint = null) =>
        new(Severity.Error, code, path, message, hint);

    /// <summary>The contract's one rule for failing: an error, or under --strict a warning too.</summary>
    public static bool Fail(IEnumerable<Finding> findings, bool strict) =>
        findings.Any(f => f.Severity == Severity.Error || (strict && f.Severity == Severity.Warning));

    /// <summary>The exit code for failing <paramref name="findings"/>: usage (2) when a value the operator gave is wrong, else <paramref name="otherwise"/>.</summary>
    public static int ExitCode(IEnumerable<Finding> findings, int usage, int otherwise) =>
        findings.Any(f => f.IsUsage) ? usage : otherwise;
}
