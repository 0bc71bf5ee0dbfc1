using Babelcast.Core.Audio;
using Babelcast.Core.Broadcasting;
using Babelcast.Core.Pipeline;
using Babelcast.Core.Protocol;
using Babelcast.Core.Storage;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.WebSockets;

/// <summary>
/// Builds replays from the stores: recent captions for late joiners; for a resume, everything missed, translating on
/// the spot the phrases that were spoken while nobody listened in that language (nothing was translated for it then).
/// </summary>
internal sealed class ListenerReplay(
    ITranscriptStore transcripts,
    IPhraseAudioStore audio,
    PhraseProcessor processor,
    EngineSet engines,
    IOptions<PipelineOptions> options)
{
    private const int MaxResume = 2000;

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
        var phrases = (await transcripts.GetPhrasesAsync(sessionId, ct)).Where(p => p.Seq > afterSeq).Take(MaxResume).ToList();
        var translated = (await transcripts.GetTranslationsAsync(sessionId, language, afterSeq, MaxResume, ct)).ToDictionary(t => t.Seq);
        var deliveries = new List<Delivery>(phrases.Count * 2);
        foreach (var phrase in phrases)
        {
            if (!translated.TryGetValue(phrase.Seq, out var t))
            {
                deliveries.AddRange(await processor.CatchUpAsync(phrase, sourceLanguage, language, ct));
                continue;
            }

            deliveries.Add(Caption(t));
            if (await audio.TryReadAsync(sessionId, t.Seq, language, ct) is { } bytes)
            {
                var header = ListenerMessages.AudioHeader(t.Seq, language, engines.Encoder.Format, EstimateDurationMs(bytes), 0, true, null);
                deliveries.Add(new Delivery(DeliveryKind.Audio, t.Seq, [header, new OutboundFrame(bytes, true)]));
            }
        }

        return deliveries;
    }

    private static Delivery Caption(TranslationRecord t) =>
        new(DeliveryKind.FinalCaption, t.Seq, [ListenerMessages.Caption(t.Seq, t.Language, t.Text, true, t.SourceText, t.StartMs, t.EndMs, true, null)]);

    // Stored audio is constant-bitrate; the client learns the exact duration when it decodes the MP3.
    private static int EstimateDurationMs(byte[] bytes) => bytes.Length * 8 / AudioDefaults.Mp3BitrateKbps;
}
