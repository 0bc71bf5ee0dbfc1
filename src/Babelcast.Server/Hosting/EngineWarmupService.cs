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
internal sealed class EngineWarmupService(
    EngineSet engines, ILanguageCatalog languages, TranslationWarmup phrases, StartupWarmup state, Broadcasting.NodeRole role, TimeProvider time, ILogger<EngineWarmupService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (!role.RunsPipelines)
        {
            // A gateway recognises and translates nothing: its CPU goes to sockets.
            state.Complete();
            return;
        }

        try
        {
            await WarmAsync(stoppingToken);
        }
        finally
        {
            WarmupLog.StartupWarmupDone(logger, state.Complete().TotalMilliseconds);
        }
    }

    private async Task WarmAsync(CancellationToken stoppingToken)
    {

        // The listener side does not wait for the recogniser: its first phrase runs while the models load.
        var phrasesWarm = languages.Sources.Select(s => WarmOnePhraseAsync(s.Code)).ToList();
        foreach (var source in languages.Sources)
        {
            try
            {
                // The pools first (loading in parallel), then a phrase long enough for the incremental final pass that
                // rents from them: each pool refills what the phrase took now, rather than while the first session's
                // first phrase is decoded (a model load on the same two cores; the incremental pool's was the one
                // left), and the phrase's code paths are compiled.
                await engines.Recognizer.PrewarmAsync(source.Code, stoppingToken);
                await using (var recognizer = await engines.Recognizer.RentAsync(source.Code, stoppingToken))
                {
                    var quiet = QuietPhrase();
                    recognizer.StartUtterance();
                    recognizer.ProcessChunk(quiet);
                    recognizer.ProcessSettled(quiet);
                    await recognizer.EndUtteranceAsync(quiet, stoppingToken);
                }

                await engines.Recognizer.PrewarmAsync(source.Code, stoppingToken);
                WarmupLog.RecognizerLoaded(logger, source.Code);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                WarmupLog.RecognizerWarmupFailed(logger, source.Code, ex);
            }
        }

        await Task.WhenAll(phrasesWarm);
    }

    /// <summary>Two seconds of faint noise (digital silence gives a recogniser nothing to normalise on).</summary>
    internal static short[] QuietPhrase()
    {
        var samples = new short[32_000];
        var noise = new Random(7);
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)noise.Next(-64, 65);
        }

        return samples;
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
