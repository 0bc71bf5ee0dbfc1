using Babelcast.Core.Languages;
using Babelcast.Core.Pipeline;
using Babelcast.Server.WebSockets;

namespace Babelcast.Server.Hosting;

/// <summary>
/// At start-up, in the background: loads a recogniser (and its final-pass decoder) for every source language, so that
/// the first speaker does not wait seconds for a 100 MiB model to load on the first phrase, leaves the engine's warm
/// pool of ready decoders filled, and runs one tiny phrase through translation, synthesis and encoding so that their
/// code paths are compiled before the first session's phrase needs them.
/// </summary>
internal sealed class EngineWarmupService(EngineSet engines, ILanguageCatalog languages, TranslationWarmup phrases, TimeProvider time, ILogger<EngineWarmupService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        foreach (var source in languages.Sources)
        {
            try
            {
                await using (var recognizer = await engines.Recognizer.RentAsync(source.Code, stoppingToken))
                {
                    var silence = new short[8000];
                    recognizer.StartUtterance();
                    recognizer.ProcessChunk(silence);
                    await recognizer.EndUtteranceAsync(silence, stoppingToken);
                }

                await engines.Recognizer.PrewarmAsync(source.Code, stoppingToken);
                WarmupLog.RecognizerLoaded(logger, source.Code);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                WarmupLog.RecognizerWarmupFailed(logger, source.Code, ex);
            }

            await WarmOnePhraseAsync(source.Code);
        }
    }

    /// <summary>
    /// One listener language per source is enough to compile the stages; the others start on a listener's join.
    /// Spanish when offered (a direct pair and the most common listener language), else the first voiced target.
    /// </summary>
    private async Task WarmOnePhraseAsync(string source)
    {
        var voiced = engines.Synthesizer.Languages;
        var targets = engines.Translator.GetTargets(source).Where(t => voiced.Contains(t, StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal).ToList();
        var target = targets.FirstOrDefault(t => t == "es") ?? targets.FirstOrDefault() ?? source;
        var started = time.GetTimestamp();
        await phrases.Begin(source, target);
        WarmupLog.StartupPhraseWarmed(logger, source, target, time.GetElapsedTime(started).TotalMilliseconds);
    }
}
