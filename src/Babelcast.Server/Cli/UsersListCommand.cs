using System.CommandLine;

namespace Babelcast.Server.Cli;

/// <summary><c>users list</c>: one line per speaker, name, creation time (UTC) and "disabled" if so, tab-separated.</summary>
internal sealed class UsersListCommand(CliContext context) : StoreCommand("list", "List the speaker accounts.", context)
{
    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CliStore store, CancellationToken cancellationToken)
    {
        foreach (var user in await store.Users.ListAsync(cancellationToken))
        {
            var state = user.Disabled ? "\tdisabled" : "";
            await Context.Out.WriteLineAsync($"{user.Username}\t{user.CreatedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}{state}");
        }

        return BabelcastCli.Success;
    }
}
