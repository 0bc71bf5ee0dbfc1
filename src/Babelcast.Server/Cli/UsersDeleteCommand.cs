using System.CommandLine;

namespace Babelcast.Server.Cli;

/// <summary><c>users delete NAME</c>: removes the account; its tokens stop working at once (the user no longer exists).</summary>
internal sealed class UsersDeleteCommand(CliContext context)
    : UserStateCommand("delete", "Delete a speaker account.", context)
{
    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CliStore store, CancellationToken cancellationToken)
    {
        var username = Username(parseResult);
        if (!await store.Users.DeleteAsync(username, cancellationToken))
        {
            return await NoSuchUserAsync(username);
        }

        await Context.Out.WriteLineAsync($"Deleted speaker '{username}'.");
        return BabelcastCli.Success;
    }
}
