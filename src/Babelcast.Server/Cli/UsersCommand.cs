using System.CommandLine;

namespace Babelcast.Server.Cli;

/// <summary>
/// <c>babelcast users add NAME [--password P | --password-stdin]</c>, <c>users list</c>, <c>users disable|enable|delete NAME</c>
/// and <c>users reset-password NAME [--password P | --password-stdin]</c>. Other
/// <c>--key value</c> arguments are configuration (as for the server), e.g. <c>--Babelcast:DataDirectory /srv/babelcast</c>.
/// A new subcommand is one <see cref="StoreCommand"/> class added to the list below.
/// </summary>
public sealed class UsersCommand : Command
{
    public const int Success = BabelcastCli.Success;
    public const int Failure = BabelcastCli.Failure;
    public const int UsageError = BabelcastCli.UsageError;

    internal UsersCommand(CliContext context)
        : base("users", "Manage the speakers' accounts in the configured data directory (--Babelcast:DataDirectory DIR).")
    {
        Subcommands.Add(new UsersAddCommand(context));
        Subcommands.Add(new UsersListCommand(context));
        Subcommands.Add(new UsersDisableCommand(context));
        Subcommands.Add(new UsersEnableCommand(context));
        Subcommands.Add(new UsersDeleteCommand(context));
        Subcommands.Add(new UsersResetPasswordCommand(context));
    }

    /// <summary>Runs <c>babelcast users ARGS</c>.</summary>
    public static Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, CancellationToken ct) =>
        BabelcastCli.RunAsync(["users", .. args], stdin, stdout, stderr, ct);
}
