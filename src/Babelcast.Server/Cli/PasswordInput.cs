using System.CommandLine;
using Babelcast.Server.Auth;

namespace Babelcast.Server.Cli;

/// <summary>
/// The <c>--password P | --password-stdin</c> pair shared by the commands that set a password: stdin is the default,
/// which keeps the password out of the shell history.
/// </summary>
internal sealed class PasswordInput
{
    private readonly Option<string> _password = new("--password")
    {
        Description = "The password (default: read one line from standard input, which keeps it out of the shell history).",
        HelpName = "PASSWORD",
    };

    private readonly Option<bool> _passwordStdin = new("--password-stdin") { Description = "Read the password from standard input (the default)." };

    public PasswordInput(Command command)
    {
        command.Options.Add(_password);
        command.Options.Add(_passwordStdin);
        command.Validators.Add(result =>
        {
            if (result.GetResult(_password) is not null && result.GetResult(_passwordStdin) is not null)
            {
                result.AddError("use either --password or --password-stdin, not both.");
            }
        });
    }

    /// <summary>The password, or the problem with it (none given, or too weak) as a message for the operator.</summary>
    public async Task<(string? Password, string? Problem)> ReadAsync(ParseResult parseResult, TextReader input, CancellationToken cancellationToken)
    {
        var password = parseResult.GetValue(_password) ?? await input.ReadLineAsync(cancellationToken);
        if (password is null)
        {
            return (null, "no password on standard input (pipe it in, or use --password).");
        }

        return Credentials.ValidatePassword(password) is { } problem ? (null, problem) : (password, null);
    }
}
