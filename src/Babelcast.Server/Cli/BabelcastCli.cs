using System.CommandLine;
using System.CommandLine.Help;

namespace Babelcast.Server.Cli;

/// <summary>
/// The administrative commands (<c>babelcast users ...</c>, <c>babelcast models ...</c>), parsed by System.CommandLine. Only a command line whose
/// first word is one of these commands (or <c>--help</c>) comes here; any other starts the web server, whose
/// arguments (<c>--urls</c>, <c>--Babelcast:X=Y</c>) are ASP.NET Core configuration and never seen by this parser.
/// Exit codes: 0 done, 1 refused (see the command), 2 usage error, 130 cancelled (Ctrl+C).
/// </summary>
public static class BabelcastCli
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageError = 2;

    /// <summary>Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;

    private static readonly string[] CommandNames = ["users", "models"];
    private static readonly string[] HelpNames = ["--help", "-h", "-?"];

    /// <summary>True when <paramref name="args"/> is a CLI command line rather than the server's.</summary>
    public static bool Handles(IReadOnlyList<string> args) =>
        args.Count > 0 && (CommandNames.Contains(args[0], StringComparer.Ordinal) || HelpNames.Contains(args[0], StringComparer.Ordinal));

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextReader stdin, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var (commandArgs, configurationArgs) = ConfigurationArguments.Split(args, ConfigurationArguments.OptionNames(CreateRoot(null)));
        var root = CreateRoot(new CliContext(stdin, stdout, stderr, configurationArgs, ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected));
        var parsed = root.Parse(commandArgs);
        if (parsed.Errors.Count > 0)
        {
            // System.CommandLine's own report (errors, then the command's help), all on stderr; 2 as before, not its 1.
            await parsed.InvokeAsync(new InvocationConfiguration { Output = stderr, Error = stderr }, ct);
            return UsageError;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, ct);
    }

    /// <summary>
    /// The command tree. A plain command named babelcast rather than RootCommand, whose name would be the host
    /// process's (testhost under the tests). <paramref name="context"/> is null only to list the option names.
    /// </summary>
    private static Command CreateRoot(CliContext? context)
    {
        context ??= new CliContext(TextReader.Null, TextWriter.Null, TextWriter.Null, []);
        var root = new Command("babelcast", "Babelcast live speech-translation server. With no command it starts the server (options such as --urls and --Babelcast:Section:Key=value are configuration).")
        {
            new HelpOption { Recursive = true },
            new UsersCommand(context),
            new ModelsCommand(context),
        };
        return root;
    }
}
