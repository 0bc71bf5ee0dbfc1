using System.CommandLine;

namespace Babelcast.Server.Cli;

/// <summary>A command on one existing user named by the NAME argument.</summary>
internal abstract class UserStateCommand : StoreCommand
{
    private readonly Argument<string> _name = new("NAME") { Description = "The speaker's user name." };

    protected UserStateCommand(string name, string description, CliContext context)
        : base(name, description, context) => Arguments.Add(_name);

    protected string Username(ParseResult parseResult) => parseResult.GetRequiredValue(_name);

    protected Task<int> NoSuchUserAsync(string username) => FailAsync($"no user '{username}'.");
}
