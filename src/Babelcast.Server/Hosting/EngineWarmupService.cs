using Babelcast.Core.Languages;
using Babelcast.Core.Pipeline;

namespace Babelcast.Server.Hosting;

/// <summary>
/// Loads a recogniser (and its final-pass decoder) for every source language in the background at start-up, so that
/// the first speaker does not wait seconds for a 100 MiB model to load on the first phrase.
/// </summary>
internal sealed partial class EngineWarmupService(EngineSet engines, ILanguageCatalog languages, ILogger<EngineWarmupService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        foreach (var source in languages.Sources)
        {
            try
            {
                await using var recognizer = await engines.Recognizer.RentAsync(source.Code, stoppingToken);
                var silence = new short[8000];
                recognizer.StartUtterance();
                recognizer.ProcessChunk(silence);
                await recognizer.EndUtteranceAsync(silence, stoppingToken);
                Warmed(logger, source.Code);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                WarmupFailed(logger, source.Code, ex);
            }
        }
    }

    [LoggerMessage(5200, LogLevel.Information, "Recogniser for {Language} loaded")]
    private static partial void Warmed(ILogger logger, string language);

    [LoggerMessage(5201, LogLevel.Warning, "Recogniser warm-up for {Language} failed")]
    private static partial void WarmupFailed(ILogger logger, string language, Exception exception);
}
