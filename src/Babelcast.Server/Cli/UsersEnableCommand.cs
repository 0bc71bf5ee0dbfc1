using System.CommandLine;

namespace Babelcast.Server.Cli;

/// <summary><c>users enable NAME</c>: the user can sign in again (tokens from before the disable stay revoked).</summary>
internal sealed class UsersEnableCommand(CliContext context)
    : UserStateCommand("enable", "Enable a disabled speaker account.", context)
{
    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CliStore store, CancellationToken cancellationToken)
    {
        var username = Username(parseResult);
        if (!await store.Users.SetDisabledAsync(username, false, cancellationToken))
        {
            return await NoSuchUserAsync(username);
        }

        await Context.Out.WriteLineAsync($"Enabled speaker '{username}'.");
        return BabelcastCli.Success;
    }
}
