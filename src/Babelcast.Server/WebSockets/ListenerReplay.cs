using System.Collections.Concurrent;
using Babelcast.Core.Audio;
using Babelcast.Core.Broadcasting;
using Babelcast.Core.Pipeline;
using Babelcast.Core.Protocol;
using Babelcast.Core.Storage;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.WebSockets;

/// <summary>
/// Builds replays from the stores: recent captions for late joiners; for a resume, the newest missed phrases (at most
/// <see cref="LiveOptions.MaxResumePhrases"/>), translating on the spot a few of the phrases that were spoken while
/// nobody listened in that language (nothing was translated for it then). Resumes need no sign-in, so that on-demand
/// work is capped per resume, limited to phrases within the audio retention, and serialised per session.
/// </summary>
internal sealed class ListenerReplay(
    ITranscriptStore transcripts,
    IPhraseAudioStore audio,
    PhraseProcessor processor,
    EngineSet engines,
    IOptions<PipelineOptions> options,
    IOptions<LiveOptions> live,
    TimeProvider time)
{
    // One gate per session: a second resume waits, then finds the first one's translations stored and redoes none.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _catchUpGates = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<Delivery>> LateJoinAsync(string sessionId, string language, CancellationToken ct)
    {
        var count = options.Value.LateJoinCaptions;
        if (count == 0)
        {
            return [];
        }

        var recent = await transcripts.GetLatestTranslationsAsync(sessionId, language, count, ct);
        return recent.Select(Caption).ToList();
    }

    public async Task<IReadOnlyList<Delivery>> ResumeAsync(string sessionId, string sourceLanguage, string language, long afterSeq, CancellationToken ct)
    {
        var limits = live.Value;
        var phrases = (await transcripts.GetPhrasesAsync(sessionId, ct)).Where(p => p.Seq > afterSeq).TakeLast(limits.MaxResumePhrases).ToList();
        if (phrases.Count == 0)
        {
            return [];
        }

        var translated = await TranslatedAsync(sessionId, language, phrases, ct);
        if (phrases.Any(p => !translated.ContainsKey(p.Seq)) && limits.MaxCatchUpPerResume > 0)
        {
            var gate = _catchUpGates.GetOrAdd(sessionId, _ => new SemaphoreSlim(1, 1));
            await gate.WaitAsync(ct);
            try
            {
                translated = await TranslatedAsync(sessionId, language, phrases, ct);
                await CatchUpAsync(phrases, translated, sourceLanguage, language, limits.MaxCatchUpPerResume, ct);
                translated = await TranslatedAsync(sessionId, language, phrases, ct);
            }
            finally
            {
                gate.Release();
            }
        }

        var deliveries = new List<Delivery>(phrases.Count * 2);
        foreach (var phrase in phrases)
        {
            if (!translated.TryGetValue(phrase.Seq, out var t))
            {
                continue; // Not translated and over the catch-up cap: the client sees the gap in seq.
            }

            deliveries.Add(Caption(t));
            if (await audio.TryReadAsync(sessionId, t.Seq, language, ct) is { } bytes)
            {
                var header = ListenerMessages.AudioHeader(t.Seq, language, engines.Encoder.Format, EstimateDurationMs(bytes), 0, true, null);
                deliveries.Add(new Delivery(DeliveryKind.Audio, t.Seq, [header, new OutboundFrame(bytes, true)]));
            }
        }

        return KeepNewestWithin(deliveries, limits.SendQueueMaxBytes);
    }

    /// <summary>Translates (and synthesises) the newest untranslated phrases still within the audio retention, at most <paramref name="cap"/>.</summary>
    private async Task CatchUpAsync(List<PhraseRecord> phrases, Dictionary<long, TranslationRecord> translated, string sourceLanguage, string language, int cap, CancellationToken ct)
    {
        var oldest = time.GetUtcNow() - options.Value.AudioRetention;
        var missing = phrases.Where(p => !translated.ContainsKey(p.Seq) && p.CreatedAt >= oldest).TakeLast(cap);
        foreach (var phrase in missing)
        {
            // The processor stores the translation and audio; the replay reads them back with the rest.
            await processor.CatchUpAsync(phrase, sourceLanguage, language, ct);
        }
    }

    private async Task<Dictionary<long, TranslationRecord>> TranslatedAsync(string sessionId, string language, List<PhraseRecord> phrases, CancellationToken ct) =>
        (await transcripts.GetTranslationsAsync(sessionId, language, phrases[0].Seq - 1, phrases.Count, ct)).ToDictionary(t => t.Seq);

    /// <summary>Drops the oldest deliveries until the replay fits the per-socket byte budget (the newest matter most).</summary>
    private static List<Delivery> KeepNewestWithin(List<Delivery> deliveries, long maxBytes)
    {
        long total = 0;
        var start = deliveries.Count;
        while (start > 0)
        {
            var size = deliveries[start - 1].Bytes;
            if (total + size > maxBytes)
            {
                break;
            }

            total += size;
            start--;
        }

        return start == 0 ? deliveries : deliveries.GetRange(start, deliveries.Count - start);
    }

    private static Delivery Caption(TranslationRecord t) =>
        new(DeliveryKind.FinalCaption, t.Seq, [ListenerMessages.Caption(t.Seq, t.Language, t.Text, true, t.SourceText, t.StartMs, t.EndMs, true, null, t.Origin)]);

    // Stored audio is constant-bitrate at the rate it was encoded with (its first frame says which); the client learns
    // the exact duration when it decodes the MP3.
    private static int EstimateDurationMs(byte[] bytes) =>
        bytes.Length * 8 / (Streaming.Mp3Frames.TryReadHeader(bytes, 0, out var format, out _) ? format.BitrateKbps : AudioDefaults.Mp3BitrateKbps);
}
