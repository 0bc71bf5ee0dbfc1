using System.CommandLine;
using Babelcast.Core.Storage;
using Babelcast.Server.Auth;

namespace Babelcast.Server.Cli;

/// <summary><c>users add NAME [--password P | --password-stdin]</c>: creates a speaker; the password is read from stdin unless given.</summary>
internal sealed class UsersAddCommand : StoreCommand
{
    private readonly Argument<string> _name = new("NAME") { Description = "The speaker's user name." };

    private readonly PasswordInput _password;

    public UsersAddCommand(CliContext context)
        : base("add", "Create a speaker account.", context)
    {
        Arguments.Add(_name);
        _password = new PasswordInput(this);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CliStore store, CancellationToken cancellationToken)
    {
        var username = parseResult.GetRequiredValue(_name);
        if (Credentials.ValidateUsername(username) is { } nameProblem)
        {
            return await FailAsync($"invalid username '{username}': {nameProblem}");
        }

        var (password, passwordProblem) = await _password.ReadAsync(parseResult, Context.In, cancellationToken);
        if (password is null)
        {
            return await FailAsync(passwordProblem!);
        }

        var user = new UserRecord(username, PasswordHasher.Hash(password), store.TimeProvider.GetUtcNow());
        if (!await store.Users.TryCreateAsync(user, cancellationToken))
        {
            return await FailAsync($"the user '{username}' already exists.");
        }

        await Context.Out.WriteLineAsync($"Created speaker '{username}'.");
        return BabelcastCli.Success;
    }
}
