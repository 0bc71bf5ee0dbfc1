using System.CommandLine;

namespace Babelcast.Server.Cli;

/// <summary>
/// A models command: reads the configuration and the model table, runs, and turns the expected failures (invalid
/// configuration or table, unreadable directory) into a message and exit code 1, as <see cref="StoreCommand"/> does.
/// </summary>
internal abstract class ModelsSubcommand : Command
{
    private readonly Option<string?> _catalog;

    protected ModelsSubcommand(string name, string description, CliContext context, Option<string?> catalog)
        : base(name, description)
    {
        Context = context;
        _catalog = catalog;
        SetAction(RunAsync);
    }

    protected CliContext Context { get; }

    protected abstract Task<int> ExecuteAsync(ParseResult parseResult, ModelsSetup setup, CancellationToken cancellationToken);

    protected async Task<int> FailAsync(string message)
    {
        await Context.Error.WriteLineAsync("error: " + message);
        return BabelcastCli.Failure;
    }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        try
        {
            var setup = ModelsSetup.Load(Context.ConfigurationArgs, parseResult.GetValue(_catalog));
            return await ExecuteAsync(parseResult, setup, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await Context.Error.WriteLineAsync("cancelled.");
            return BabelcastCli.Cancelled;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException
            or Microsoft.Extensions.Options.OptionsValidationException)
        {
            return await FailAsync(e.Message);
        }
    }
}
