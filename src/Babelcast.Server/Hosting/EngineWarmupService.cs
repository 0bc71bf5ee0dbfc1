using Babelcast.Core.Languages;
using Babelcast.Core.Pipeline;
using Babelcast.Server.WebSockets;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Hosting;

/// <summary>
/// At start-up, in the background: loads a recogniser (and its final-pass decoder) for every source language, so that
/// the first speaker does not wait seconds for a 100 MiB model to load on the first phrase, leaves the engine's warm
/// pool of ready decoders filled, and runs one tiny phrase through translation, synthesis and encoding so that their
/// code paths are compiled before the first session's phrase needs them. Then readies the listener languages of
/// <see cref="WarmupOptions.Languages"/>, one at a time, and keeps them ready every <see cref="WarmupOptions.KeepWarmInterval"/>.
/// </summary>
internal sealed class EngineWarmupService(
    EngineSet engines,
    ILanguageCatalog languages,
    TranslationWarmup phrases,
    StartupWarmup state,
    Broadcasting.NodeRole role,
    IOptions<WarmupOptions> options,
    TimeProvider time,
    ILogger<EngineWarmupService> logger)
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

        var kept = KeptPairs();
        try
        {
            await WarmAsync(stoppingToken);
            foreach (var (source, target) in kept)
            {
                // One at a time: a node that already serves a session keeps a core for it.
                await phrases.Begin(source, target).WaitAsync(stoppingToken);
            }
        }
        finally
        {
            WarmupLog.StartupWarmupDone(logger, state.Complete().TotalMilliseconds, kept.Count);
        }

        while (kept.Count > 0 && !stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(options.Value.KeepWarmInterval, time, stoppingToken);
            foreach (var (source, target) in kept)
            {
                await phrases.Refresh(source, target).WaitAsync(stoppingToken);
            }
        }
    }

    /// <summary>Every source with each configured target it is translated into (all of them for <see cref="WarmupOptions.All"/>).</summary>
    private List<(string Source, string Target)> KeptPairs()
    {
        var codes = options.Value.Codes();
        var pairs = new List<(string, string)>();
        foreach (var source in languages.Sources)
        {
            var offered = languages.TargetsFor(source.Code).Select(l => l.Code)
                .Where(t => !string.Equals(t, source.Code, StringComparison.OrdinalIgnoreCase)).ToList();
            var kept = codes is null ? offered : codes.Where(c => offered.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
            pairs.AddRange(kept.Select(t => (source.Code, t)));
        }

        return pairs;
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
                foreach (var premium in engines.RecognizersFor(source.Code).Skip(1))
                {
                    // A premium session's first phrase must not load a model either.
                    await premium.PrewarmAsync(source.Code, stoppingToken);
                }

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
