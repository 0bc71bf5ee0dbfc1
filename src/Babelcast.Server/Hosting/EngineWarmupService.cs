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
        // The listener side does not wait for the recogniser: its first phrase runs while the models load.
        var phrasesWarm = languages.Sources.Select(s => WarmOnePhraseAsync(s.Code)).ToList();
        foreach (var source in languages.Sources)
        {
            try
            {
                // The pools (the incremental final pass's too) start loading at once, beside the silence decode below:
                // the first session often starts as soon as the node is ready, and its first phrase finding the
                // incremental decoder still unloaded was decoded whole while models loaded around it.
                var pools = engines.Recognizer.PrewarmAsync(source.Code, stoppingToken).AsTask();
                await using (var recognizer = await engines.Recognizer.RentAsync(source.Code, stoppingToken))
                {
                    var silence = new short[8000];
                    recognizer.StartUtterance();
                    recognizer.ProcessChunk(silence);
                    await recognizer.EndUtteranceAsync(silence, stoppingToken);
                }

                await pools;
                WarmupLog.RecognizerLoaded(logger, source.Code);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                WarmupLog.RecognizerWarmupFailed(logger, source.Code, ex);
            }
        }

        await Task.WhenAll(phrasesWarm);
    }

    /// <summary>
    /// One listener language per source is enough to compile the stages; the others start on a listener's join.
    /// Spanish when offered (a direct pair and the most common listener language), else the first voiced target.
    /// </summary>
    private async Task WarmOnePhraseAsync(string source)
    {
        await Task.Yield();
        string target;
        try
        {
            var voiced = engines.Synthesizer.Languages;
            var targets = engines.Translator.GetTargets(source).Where(t => voiced.Contains(t, StringComparer.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal).ToList();
            target = targets.FirstOrDefault(t => t == "es") ?? targets.FirstOrDefault() ?? source;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // An engine that cannot even list its languages is reported by the health checks; warm nothing.
            WarmupLog.LanguageWarmupFailed(logger, source, "?", "listing languages", ex);
            return;
        }

        var started = time.GetTimestamp();
        await phrases.Begin(source, target);
        WarmupLog.StartupPhraseWarmed(logger, source, target, time.GetElapsedTime(started).TotalMilliseconds);
    }
}
