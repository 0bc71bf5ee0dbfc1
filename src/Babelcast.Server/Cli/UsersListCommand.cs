using System.CommandLine;

namespace Babelcast.Server.Cli;

/// <summary><c>users list</c>: one line per speaker, name and creation time (UTC), tab-separated.</summary>
internal sealed class UsersListCommand(CliContext context) : StoreCommand("list", "List the speaker accounts.", context)
{
    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CliStore store, CancellationToken cancellationToken)
    {
        foreach (var user in await store.Users.ListAsync(cancellationToken))
        {
            await Context.Out.WriteLineAsync($"{user.Username}\t{user.CreatedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}");
        }

        return BabelcastCli.Success;
    }
}
