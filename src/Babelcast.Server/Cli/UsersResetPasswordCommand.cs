using System.CommandLine;
using Babelcast.Server.Auth;

namespace Babelcast.Server.Cli;

/// <summary><c>users reset-password NAME [--password P | --password-stdin]</c>: sets a new password and revokes the user's tokens.</summary>
internal sealed class UsersResetPasswordCommand : UserStateCommand
{
    private readonly Option<string> _password = new("--password")
    {
        Description = "The new password (default: read one line from standard input, which keeps it out of the shell history).",
        HelpName = "PASSWORD",
    };

    private readonly Option<bool> _passwordStdin = new("--password-stdin") { Description = "Read the password from standard input (the default)." };

    public UsersResetPasswordCommand(CliContext context)
        : base("reset-password", "Set a new password for a speaker and revoke its tokens.", context)
    {
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
        var username = Username(parseResult);
        var password = parseResult.GetValue(_password) ?? await Context.In.ReadLineAsync(cancellationToken);
        if (password is null)
        {
            return await FailAsync("no password on standard input (pipe it in, or use --password).");
        }

        if (Credentials.ValidatePassword(password) is { } passwordProblem)
        {
            return await FailAsync(passwordProblem);
        }

        if (!await store.Users.UpdatePasswordAsync(username, PasswordHasher.Hash(password), cancellationToken))
        {
            return await NoSuchUserAsync(username);
        }

        await Context.Out.WriteLineAsync($"Reset the password of speaker '{username}'.");
        return BabelcastCli.Success;
    }
}
