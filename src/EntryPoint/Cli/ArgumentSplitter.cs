namespace EntryPoint.Cli;

/// <summary>The entrypoint's own tokens, its verb, and the app's command line, which is passed on untouched.</summary>
/// <param name="Unknown">Option-like tokens before COMMAND that are not ours: a usage error, not a command to run.</param>
public sealed record SplitArguments(IReadOnlyList<string> Own, IReadOnlyList<string> Command, IReadOnlyList<string> Unknown);

/// <summary>
/// Finds where COMMAND starts, as env, sudo and tini do: the first token that is not one of our options (or
/// follows "--"). Without this, a CMD such as ["node", "--version"] would have its --version taken by us.
/// A leading "run" or "diagnose" is our verb; options may stand before and after it.
/// </summary>
public static class ArgumentSplitter
{
    public static SplitArguments Split(IReadOnlyList<string> args, IReadOnlySet<string> flags, IReadOnlySet<string> valued, IReadOnlySet<string> verbs)
    {
        var own = new List<string>();
        var unknown = new List<string>();
        var verbSeen = false;
        for (var i = 0; i < args.Count; i++)
        {
            var token = args[i];
            if (token == "--")
            {
                return new SplitArguments(own, args.Skip(i + 1).ToList(), unknown);
            }

            if (token.StartsWith('-') && token.Length > 1)
            {
                var name = token.Split('=', 2)[0];
                if (!flags.Contains(name) && !valued.Contains(name))
                {
                    unknown.Add(token);
                    continue;
                }

                own.Add(token);
                if (valued.Contains(name) && !token.Contains('=') && i + 1 < args.Count)
                {
                    own.Add(args[++i]);
                }

                continue;
            }

            if (!verbSeen && verbs.Contains(token))
            {
                verbSeen = true;
                own.Add(token);
                continue;
            }

            return new SplitArguments(own, args.Skip(i).ToList(), unknown);
        }

        return new SplitArguments(own, [], unknown);
    }
}
