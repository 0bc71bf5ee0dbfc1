using System.Collections.Concurrent;
using Babelcast.Core.Broadcasting;
using Babelcast.Core.Protocol;
using Babelcast.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Babelcast.Core.Pipeline;

/// <summary>
/// An operator's correction of a recent final phrase: the corrected source text is translated again into every
/// language the phrase was stored in or that has listeners now, stored in place (the transcript exports read it), then
/// sent through the broadcast bus, so that listeners on every node replace the caption in place. The audio is not made
/// again: what was heard was heard. Runs where the speaker's socket is; the store and the bus are shared by all nodes.
/// </summary>
public sealed class PhraseCorrector(
    EngineSet engines,
    ITranscriptStore store,
    IBroadcaster broadcaster,
    IListenerPresence presence,
    IOptions<CorrectionOptions> options,
    TimeProvider time,
    ILogger<PhraseCorrector> logger)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    // Per session, the timestamps of the corrections of the last minute (oldest first).
    private readonly ConcurrentDictionary<string, Queue<long>> _recent = new(StringComparer.Ordinal);
    private long _lastSweep = time.GetTimestamp();

    /// <summary>Applies the correction; <c>RetryAfter</c> (seconds) is set for <see cref="CorrectionOutcome.RateExceeded"/>.</summary>
    public async Task<(CorrectionOutcome Outcome, int RetryAfter)> CorrectAsync(
        string sessionId, string sourceLanguage, long seq, string text, CancellationToken cancellationToken)
    {
        var last = await store.GetLastSeqAsync(sessionId, cancellationToken);
        if (seq < 1 || seq > last || seq <= last - options.Value.CorrectablePhrases)
        {
            return (CorrectionOutcome.NotCorrectable, 0);
        }

        if (!TryTake(sessionId, out var retryAfter))
        {
            return (CorrectionOutcome.RateExceeded, retryAfter);
        }

        var languages = (await store.GetTranslationLanguagesAsync(sessionId, seq, cancellationToken))
            .Union(presence.GetListenerLanguages(sessionId), StringComparer.OrdinalIgnoreCase)
            .ToList();
        var translated = await Task.WhenAll(languages.Select(async l => (Language: l, Text: await TranslateAsync(text, sourceLanguage, l, cancellationToken))));
        var translations = translated.Where(t => t.Text.Length > 0).ToDictionary(t => t.Language, t => t.Text, StringComparer.OrdinalIgnoreCase);

        PhraseRecord? phrase;
        try
        {
            phrase = await store.CorrectPhraseAsync(sessionId, seq, text, translations, time.GetUtcNow(), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.CorrectionNotStored(logger, sessionId, seq, ex);
            return (CorrectionOutcome.NotStored, 0);
        }

        if (phrase is null)
        {
            return (CorrectionOutcome.NotCorrectable, 0);
        }

        foreach (var (language, caption) in translations)
        {
            var frame = ListenerMessages.CaptionCorrected(seq, language, caption, text, phrase.StartMs, phrase.EndMs, phrase.Origin);

            // A control delivery: a listener's replay bookkeeping must not drop it as a repeat of the phrase.
            broadcaster.SendToListeners(sessionId, language, Delivery.Control(frame));
        }

        broadcaster.SendToSpeaker(sessionId, SpeakerMessages.TranscriptCorrected(seq, text, translations.Keys.Order(StringComparer.Ordinal)));
        Log.PhraseCorrected(logger, sessionId, seq, string.Join(",", translations.Keys));
        return (CorrectionOutcome.Corrected, 0);
    }

    /// <summary>Counts a correction against the session's minute, unless the minute is full.</summary>
    private bool TryTake(string sessionId, out int retryAfterSeconds)
    {
        var now = time.GetTimestamp();
        SweepIdle(now);
        var recent = _recent.GetOrAdd(sessionId, _ => new Queue<long>());
        lock (recent)
        {
            while (recent.Count > 0 && time.GetElapsedTime(recent.Peek(), now) >= Window)
            {
                recent.Dequeue();
            }

            if (recent.Count >= options.Value.MaxPerMinute)
            {
                var wait = Window - time.GetElapsedTime(recent.Peek(), now);
                retryAfterSeconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                return false;
            }

            recent.Enqueue(now);
            retryAfterSeconds = 0;
            return true;
        }
    }

    /// <summary>
    /// Forgets, at most once a minute, the sessions with no correction in the last minute: a long-running node sees
    /// thousands of sessions. A correction racing the removal of its session's entry counts in the forgotten queue,
    /// so that session's minute may allow one correction too many, once.
    /// </summary>
    private void SweepIdle(long now)
    {
        var last = Interlocked.Read(ref _lastSweep);
        if (time.GetElapsedTime(last, now) < Window || Interlocked.CompareExchange(ref _lastSweep, now, last) != last)
        {
            return;
        }

        foreach (var entry in _recent)
        {
            bool idle;
            lock (entry.Value)
            {
                idle = entry.Value.Count == 0 || time.GetElapsedTime(entry.Value.Last(), now) >= Window;
            }

            if (idle)
            {
                _recent.TryRemove(entry);
            }
        }
    }

    /// <summary>Sessions with corrections counted in the last minute (or not swept yet).</summary>
    internal int TrackedSessions => _recent.Count;

    private async Task<string> TranslateAsync(string text, string sourceLanguage, string language, CancellationToken cancellationToken)
    {
        if (string.Equals(language, sourceLanguage, StringComparison.OrdinalIgnoreCase))
        {
            return text;
        }

        var result = await engines.Translator.TranslateAsync(text, sourceLanguage, language, cancellationToken);
        return result.Success ? TextFilter.Clean(result.Text) : string.Empty;
    }
}
