using System.CommandLine;

namespace Babelcast.Server.Cli;

/// <summary><c>users disable NAME</c>: the user can no longer sign in and every token already issued stops working.</summary>
internal sealed class UsersDisableCommand(CliContext context)
    : UserStateCommand("disable", "Disable a speaker account and revoke its tokens.", context)
{
    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CliStore store, CancellationToken cancellationToken)
    {
        var username = Username(parseResult);
        if (!await store.Users.SetDisabledAsync(username, true, cancellationToken))
        {
            return await NoSuchUserAsync(username);
        }

        await Context.Out.WriteLineAsync($"Disabled speaker '{username}'.");
        return BabelcastCli.Success;
    }
}
