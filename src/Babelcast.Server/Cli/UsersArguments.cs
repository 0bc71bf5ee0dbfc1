namespace Babelcast.Server.Cli;

/// <summary>The parsed <c>users</c> command line; unknown <c>--key [value]</c> pairs are passed on as configuration.</summary>
internal sealed class UsersArguments
{
    public string Verb { get; private set; } = string.Empty;

    public string? Username { get; private set; }

    /// <summary>From --password; null means read it from stdin.</summary>
    public string? Password { get; private set; }

    public List<string> ConfigurationArgs { get; } = [];

    public static bool TryParse(string[] args, out UsersArguments parsed, out string problem)
    {
        parsed = new UsersArguments { Verb = args[0] };
        problem = string.Empty;
        if (parsed.Verb is not ("add" or "list"))
        {
            problem = $"unknown command '{parsed.Verb}'.";
            return false;
        }

        var passwordFromStdin = false;
        for (var i = 1; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg == "--password")
            {
                if (i + 1 >= args.Length)
                {
                    problem = "--password needs a value.";
                    return false;
                }

                parsed.Password = args[++i];
            }
            else if (arg == "--password-stdin")
            {
                passwordFromStdin = true;
            }
            else if (arg.StartsWith('-'))
            {
                // Configuration: "--key=value" or "--key value".
                parsed.ConfigurationArgs.Add(arg);
                if (!arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    parsed.ConfigurationArgs.Add(args[++i]);
                }
            }
            else if (parsed.Verb == "add" && parsed.Username is null)
            {
                parsed.Username = arg;
            }
            else
            {
                problem = $"unexpected argument '{arg}'.";
                return false;
            }
        }

        if (parsed.Verb == "add" && parsed.Username is null)
        {
            problem = "add needs a username.";
            return false;
        }

        if (passwordFromStdin && parsed.Password is not null)
        {
            problem = "use either --password or --password-stdin, not both.";
            return false;
        }

        if (parsed.Verb == "list" && (parsed.Password is not null || passwordFromStdin))
        {
            problem = "list takes no password.";
            return false;
        }

        return true;
    }
}
