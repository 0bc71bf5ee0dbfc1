using System.CommandLine;

namespace Babelcast.Server.Cli;

/// <summary>
/// A command that works on the configured store: opens it with the configuration arguments, runs, and turns the
/// expected failures (unreadable directory, invalid configuration, database error) into a message and exit code 1.
/// </summary>
internal abstract class StoreCommand : Command
{
    protected StoreCommand(string name, string description, CliContext context)
        : base(name, description)
    {
        Context = context;
        SetAction(RunAsync);
    }

    protected CliContext Context { get; }

    protected abstract Task<int> ExecuteAsync(ParseResult parseResult, CliStore store, CancellationToken cancellationToken);

    protected async Task<int> FailAsync(string message)
    {
        await Context.Error.WriteLineAsync("error: " + message);
        return BabelcastCli.Failure;
    }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        try
        {
            await using var store = await CliStore.OpenAsync(Context.ConfigurationArgs, cancellationToken);
            return await ExecuteAsync(parseResult, store, cancellationToken);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException
            or Microsoft.Extensions.Options.OptionsValidationException or System.Data.Common.DbException)
        {
            return await FailAsync(e.Message);
        }
    }
}
