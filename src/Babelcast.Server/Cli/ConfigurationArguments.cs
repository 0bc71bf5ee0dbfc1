namespace Babelcast.Server.Cli;

/// <summary>
/// Sets configuration arguments aside before System.CommandLine parses the rest: any <c>--key=value</c> or
/// <c>--key value</c> whose key is not an option of the command tree is configuration, as for the server. Done before
/// parsing so that a configuration value can never be taken for a command's argument (a user name, say).
/// </summary>
internal static class ConfigurationArguments
{
    public static (string[] Command, string[] Configuration) Split(IReadOnlyList<string> args, ISet<string> knownOptions)
    {
        var command = new List<string>();
        var configuration = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var name = arg.Split('=', 2)[0];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg == "--" || knownOptions.Contains(name))
            {
                command.Add(arg);
                continue;
            }

            configuration.Add(arg);
            if (!arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                configuration.Add(args[++i]);
            }
        }

        return ([.. command], [.. configuration]);
    }

    /// <summary>Every option name and alias in the tree under <paramref name="command"/>.</summary>
    public static HashSet<string> OptionNames(System.CommandLine.Command command)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        Collect(command, names);
        return names;
    }

    private static void Collect(System.CommandLine.Command command, HashSet<string> names)
    {
        foreach (var option in command.Options)
        {
            names.Add(option.Name);
            names.UnionWith(option.Aliases);
        }

        foreach (var sub in command.Subcommands)
        {
            Collect(sub, names);
        }
    }
}
