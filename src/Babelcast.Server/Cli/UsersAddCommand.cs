using System.CommandLine;
using Babelcast.Core.Storage;
using Babelcast.Server.Auth;

namespace Babelcast.Server.Cli;

/// <summary><c>users add NAME [--password P | --password-stdin]</c>: creates a speaker; the password is read from stdin unless given.</summary>
internal sealed class UsersAddCommand : StoreCommand
{
    private readonly Argument<string> _name = new("NAME") { Description = "The speaker's user name." };

    private readonly Option<string> _password = new("--password")
    {
        Description = "The password (default: read one line from standard input, which keeps it out of the shell history).",
        HelpName = "PASSWORD",
    };

    private readonly Option<bool> _passwordStdin = new("--password-stdin") { Description = "Read the password from standard input (the default)." };

    public UsersAddCommand(CliContext context)
        : base("add", "Create a speaker account.", context)
    {
        Arguments.Add(_name);
        Options.Add(_password);
        Options.Add(_passwordStdin);
        Validators.Add(result =>
        {
            if (result.GetResult(_password) is not null && result.GetResult(_passwordStdin) is not null)
            {
                result.AddError("use either --password or --password-stdin, not both.");
            }
        });
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CliStore store, CancellationToken cancellationToken)
    {
        var username = parseResult.GetRequiredValue(_name);
        if (Credentials.ValidateUsername(username) is { } nameProblem)
        {
            return await FailAsync($"invalid username '{username}': {nameProblem}");
        }

        var password = parseResult.GetValue(_password) ?? await Context.In.ReadLineAsync(cancellationToken);
        if (password is null)
        {
            return await FailAsync("no password on standard input (pipe it in, or use --password).");
        }

        if (Credentials.ValidatePassword(password) is { } passwordProblem)
        {
            return await FailAsync(passwordProblem);
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
