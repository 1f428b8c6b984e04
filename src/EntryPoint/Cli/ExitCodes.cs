namespace EntryPoint.Cli;

/// <summary>The contract's exit codes; stable for scripts. A successful run has none: it becomes the app.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int SetupFailed = 1;
    public const int Unhealthy = 1;
    public const int Usage = 2;
    public const int NotExecutable = 126;
    public const int NotFound = 127;
}
