using System.CommandLine;
using Babelcast.Server.Auth;

namespace Babelcast.Server.Cli;

/// <summary><c>users reset-password NAME [--password P | --password-stdin]</c>: sets a new password and revokes the user's tokens.</summary>
internal sealed class UsersResetPasswordCommand : UserStateCommand
{
    private readonly PasswordInput _password;

    public UsersResetPasswordCommand(CliContext context)
        : base("reset-password", "Set a new password for a speaker and revoke its tokens.", context)
    {
        _password = new PasswordInput(this);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CliStore store, CancellationToken cancellationToken)
    {
        var username = Username(parseResult);
        var (password, passwordProblem) = await _password.ReadAsync(parseResult, Context.In, cancellationToken);
        if (password is null)
        {
            return await FailAsync(passwordProblem!);
        }

        if (!await store.Users.UpdatePasswordAsync(username, PasswordHasher.Hash(password), cancellationToken))
        {
            return await NoSuchUserAsync(username);
        }

        await Context.Out.WriteLineAsync($"Reset the password of speaker '{username}'.");
        return BabelcastCli.Success;
    }
}
