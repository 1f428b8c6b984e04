namespace EntryPoint.IntegrationTests;

/// <summary>Every bad value, through the published binary: exit 2, the value named, the accepted form shown, no stack trace.</summary>
public sealed class BadConfigurationTests
{
    public static TheoryData<string, string[], string, string, string> Cases => new()
    {
        // name, arguments, ENTRYPOINT_* variable "NAME=value" or "", text naming the bad value, text of the accepted form
        { "no colon", ["--link", "/app/only-source"], "", "/app/only-source", "[NAME=]SOURCE:TARGET" },
        { "relative path", ["--link", "app/src:/app/dst"], "", "app/src:/app/dst", "absolute" },
        { "relative target", ["--link", "/app/src:dst"], "", "/app/src:dst", "absolute" },
        { "duplicate name", ["--link", "x=/a:/b", "--link", "x=/c:/d"], "", "'x'", "NAME=" },
        { "duplicate target", ["--link", "/a:/t", "--link", "/c:/t"], "", "/t", "TARGET" },
        { "source equals target", ["--link", "/app/same:/app/same"], "", "/app/same", "same path" },
        { "source inside target", ["--link", "/app/t/src:/app/t"], "", "/app/t/src", "inside TARGET" },
        { "target inside source", ["--link", "/app/s:/app/s/t"], "", "/app/s/t", "inside SOURCE" },
        { "root as target", ["--link", "/app/s:/"], "", "'/'", "[NAME=]SOURCE:TARGET" },
        { "bad name", ["--link", "bad name!=/a:/b"], "", "bad name!", "letters, digits" },
        { "links variable", [], "ENTRYPOINT_LINKS=/ok:/fine,nocolon", "nocolon", "[NAME=]SOURCE:TARGET" },
        { "empty link in the middle", [], "ENTRYPOINT_LINKS=x=:/b", "x=:/b", "absolute" },
        { "marker without link", ["--marker", "ghost=a.json"], "", "ghost", "links are" },
        { "marker escaping", ["--marker", "modules=../x"], "", "modules=../x", "NAME=FILE" },
        { "log level flag", ["--log-level", "loud"], "", "'loud'", "verbose, debug, information" },
        { "log level variable", [], "ENTRYPOINT_LOG_LEVEL=loud", "'loud'", "verbose, debug, information" },
        { "log format", ["--log-format", "xml"], "", "'xml'", "text or json" },
        { "log format variable", [], "ENTRYPOINT_LOG_FORMAT=yaml", "'yaml'", "text or json" },
        { "strict boolean", [], "ENTRYPOINT_STRICT=maybe", "ENTRYPOINT_STRICT='maybe'", "true/false" },
        { "dry-run boolean", [], "ENTRYPOINT_DRY_RUN=2", "ENTRYPOINT_DRY_RUN='2'", "true/false" },
        { "root not a directory", ["--root", "/nonexistent/root"], "", "/nonexistent/root", "existing directory" },
        { "unknown option", ["--frobnicate"], "", "--frobnicate", "--help" },
        { "malformed user", [], "ENTRYPOINT_USER=a:b:c", "'a:b:c'", "NAME[:GROUP] or UID[:GID]" },
        { "relative device", ["--require-device", "dev/gpiomem"], "", "'dev/gpiomem'", "absolute path" },
        { "node heap", [], "ENTRYPOINT_NODE_HEAP=atuo", "'atuo'", "auto or off" },
        { "hook timeout", [], "ENTRYPOINT_HOOK_TIMEOUT=soon", "'soon'", "number of seconds" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_bad_value_exits_2_naming_it_and_the_accepted_form(string name, string[] args, string variable, string named, string form)
    {
        var environment = new Dictionary<string, string>();
        if (variable.Length > 0)
        {
            environment[variable[..variable.IndexOf('=')]] = variable[(variable.IndexOf('=') + 1)..];
        }

        foreach (var verb in new[] { "run", "diagnose" })
        {
            var full = new List<string> { verb };
            full.AddRange(args);
            if (verb == "run")
            {
                full.AddRange(["--", "echo", "STARTED"]);
            }

            var result = Shell.Run(PublishedBinary.Path_, full, environment: environment);

            Assert.True(result.Code == 2, $"{name} ({verb}): exit {result.Code}\n{result.Stderr}");
            Assert.DoesNotContain("STARTED", result.Stdout);
            Assert.Contains(named, result.Stderr);
            Assert.Contains(form, result.Stderr);
            Log.AssertNoStackTrace(result.Stderr);
        }
    }
}
