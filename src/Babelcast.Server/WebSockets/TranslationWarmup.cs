using System.Collections.Concurrent;
using Babelcast.Core.Pipeline;
using Babelcast.Server.Hosting;

namespace Babelcast.Server.WebSockets;

/// <summary>
/// Readies a listener language when its first listener arrives, by running one tiny phrase through its stages: the
/// translation engine (a pivot pipeline such as English-Catalan-French takes up to a second or more to load), the
/// synthesiser's voice and the encoder, so that the session's first phrase pays for none of them. Runs in the
/// background, bounded by <see cref="Limit"/> and the host's shutdown; a failure is logged, never the join's.
/// </summary>
internal sealed class TranslationWarmup(EngineSet engines, Broadcasting.NodeRole role, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<TranslationWarmup> logger)
{
    /// <summary>Bound on one language's warm-up (a cold pivot pipeline on a busy machine takes seconds).</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A join within this long of the last finished warm-up runs none: a crowd joining at once would otherwise keep a
    /// warm-up phrase per language running for the whole crowd (CPU the live phrases need).
    /// </summary>
    public static readonly TimeSpan FreshFor = TimeSpan.FromMinutes(1);

    private const string Phrase = "Welcome.";

    private readonly Lock _gate = new();
    private readonly Dictionary<(string, string), (Task Run, long StartedAt)> _runs = [];
    private readonly ConcurrentDictionary<(string, string), bool> _warm = new();

    /// <summary>Whether a warm-up of the pair has finished with every stage ready.</summary>
    public bool IsWarm(string source, string target) => _warm.ContainsKey((Key(source), Key(target)));

    /// <summary>Starts the pair's warm-up unless one is running (a listener's join does not wait for it); none on a gateway.</summary>
    public void Warm(string source, string target)
    {
        if (role.RunsPipelines)
        {
            _ = Begin(source, target);
        }
    }

    /// <summary>
    /// Starts the pair's warm-up unless one is running or finished within <see cref="FreshFor"/>, and returns it; it
    /// never throws. A finished warm-up is repeated after that, since the engine may have stopped for idleness.
    /// </summary>
    public Task Begin(string source, string target) => Run(source, target, FreshFor);

    /// <summary>Runs the pair's warm-up phrase again unless one is running: keeps a warm engine from stopping for idleness.</summary>
    public Task Refresh(string source, string target) => Run(source, target, TimeSpan.Zero);

    private Task Run(string source, string target, TimeSpan freshFor)
    {
        var key = (Key(source), Key(target));
        lock (_gate)
        {
            if (_runs.TryGetValue(key, out var last)
                && (!last.Run.IsCompleted || (_warm.ContainsKey(key) && time.GetElapsedTime(last.StartedAt) < freshFor)))
            {
                return last.Run;
            }

            var run = Task.Run(() => RunAsync(key.Item1, key.Item2, lifetime.ApplicationStopping), CancellationToken.None);
            _runs[key] = (run, time.GetTimestamp());
            return run;
        }
    }

    private async Task RunAsync(string source, string target, CancellationToken stopping)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        bound.CancelAfter(Limit);
        var started = time.GetTimestamp();
        try
        {
            var text = Phrase;
            if (!string.Equals(source, target, StringComparison.Ordinal))
            {
                var result = await engines.Translator.TranslateAsync(Phrase, source, target, bound.Token);
                if (!result.Success)
                {
                    WarmupLog.LanguageWarmupFailed(logger, source, target, "translation", null);
                    return;
                }

                text = string.IsNullOrWhiteSpace(result.Text) ? Phrase : result.Text;
            }

            var translated = time.GetElapsedTime(started);
            var synthesised = translated;
            if (engines.Synthesizer.Languages.Contains(target, StringComparer.OrdinalIgnoreCase))
            {
                var speech = await engines.Synthesizer.SynthesizeAsync(text, target, Core.Synthesis.Prosody.Neutral, bound.Token);
                synthesised = time.GetElapsedTime(started);
                engines.Encoder.Encode(speech.Samples, speech.SampleRate);
            }

            _warm[(source, target)] = true;
            var total = time.GetElapsedTime(started);
            WarmupLog.LanguageWarmed(logger, source, target, translated.TotalMilliseconds, (synthesised - translated).TotalMilliseconds, (total - synthesised).TotalMilliseconds);
        }
        catch (OperationCanceledException) when (bound.IsCancellationRequested)
        {
            WarmupLog.LanguageWarmupFailed(logger, source, target, stopping.IsCancellationRequested ? "shutdown" : $"not done in {Limit.TotalSeconds:F0} s", null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            WarmupLog.LanguageWarmupFailed(logger, source, target, "engine", ex);
        }
    }

    private static string Key(string language) => language.ToLowerInvariant();
}
