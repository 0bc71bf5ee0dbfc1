using Babelcast.Core.Audio;
using Babelcast.Core.Broadcasting;
using Babelcast.Core.Pipeline;
using Babelcast.Core.Storage;
using Babelcast.Core.Synthesis;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.WebSockets;

/// <summary>Builds replays from the transcript and audio stores: recent captions for late joiners, everything missed for a resume.</summary>
internal sealed class ListenerReplay(ITranscriptStore transcripts, IPhraseAudioStore audio, EngineSet engines, IOptions<PipelineOptions> options)
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

    public async Task<IReadOnlyList<Delivery>> ResumeAsync(string sessionId, string language, long afterSeq, CancellationToken ct)
    {
        var missed = await transcripts.GetTranslationsAsync(sessionId, language, afterSeq, MaxResume, ct);
        var deliveries = new List<Delivery>(missed.Count * 2);
        foreach (var t in missed)
        {
            deliveries.Add(Caption(t));
            if (await audio.TryReadAsync(sessionId, t.Seq, language, ct) is { } bytes)
            {
                var header = PipelineMessages.AudioHeader(t.Seq, language, engines.Encoder.Format, EstimateDurationMs(bytes), 0, true, null);
                deliveries.Add(new Delivery(DeliveryKind.Audio, t.Seq, [header, new OutboundFrame(bytes, true)]));
            }
        }

        return deliveries;
    }

    private static Delivery Caption(TranslationRecord t) =>
        new(DeliveryKind.FinalCaption, t.Seq, [PipelineMessages.Caption(t.Seq, t.Language, t.Text, true, t.SourceText, t.StartMs, t.EndMs, true, null)]);

    // Stored audio is constant-bitrate; the exact duration is known again once the client decodes it.
    private static int EstimateDurationMs(byte[] bytes) => AudioDefaults.Mp3BitrateKbps == 0 ? 0 : bytes.Length * 8 / AudioDefaults.Mp3BitrateKbps;
}
