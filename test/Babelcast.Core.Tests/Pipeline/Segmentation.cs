using Babelcast.Core.Pipeline;

namespace Babelcast.Core.Tests.Pipeline;

/// <summary>Runs a <see cref="PhraseSegmenter"/> over a whole clip and checks what it emitted against the clip.</summary>
internal static class Segmentation
{
    public static List<SegmentedPhrase> Run(short[] audio, PipelineOptions options, int packetSamples = 1600)
    {
        var segmenter = new PhraseSegmenter(options);
        var events = new List<SegmentEvent>();
        Push(segmenter, audio, events, packetSamples);
        segmenter.Flush(events);
        return SegmentedPhrase.From(events);
    }

    // The received timestamp of each packet is its sample offset, so timestamps can be checked against positions.
    public static void Push(PhraseSegmenter segmenter, short[] audio, List<SegmentEvent> events, int packetSamples = 1600)
    {
        for (var i = 0; i < audio.Length; i += packetSamples)
        {
            segmenter.Push(audio.AsSpan(i, Math.Min(packetSamples, audio.Length - i)), i, events);
        }
    }

    /// <summary>Each phrase is exactly the audio at its StartMs..EndMs, streamed from the same start, in order, without overlap.</summary>
    public static void AssertConsistent(short[] audio, List<SegmentedPhrase> phrases, PipelineOptions options)
    {
        long previousEnd = 0;
        foreach (var p in phrases)
        {
            var start = (int)(p.StartMs * 16);
            var length = p.End.Samples.Length;
            Assert.True(p.StartMs >= previousEnd, $"phrase at {p.StartMs} ms overlaps the previous one ending at {previousEnd} ms");
            Assert.Equal(p.StartMs + (length / 16), p.EndMs);
            Assert.InRange(length, 1, options.MaxPhraseMs * 16);
            Assert.Equal(audio[start..(start + length)], p.End.Samples);

            // The recogniser was streamed the same audio, from the same start, at least up to the phrase's end.
            var streamed = p.Streamed;
            Assert.True(streamed.Length >= length, $"streamed {streamed.Length} < phrase {length}");
            Assert.Equal(audio[start..(start + streamed.Length)], streamed);

            // A phrase that began on an onset holds the onset's voiced frames; the remainder of a cut may hold none.
            var cutRemainder = p != phrases[0] && p.StartMs == previousEnd;
            Assert.InRange(p.End.SpeechMs, cutRemainder ? 0 : options.VoiceActivity.OnsetFrames * 20, p.EndMs - p.StartMs);
            Assert.InRange(p.End.SpeechLevelDbfs, -70, 0);
            Assert.InRange(p.End.FirstReceivedTimestamp, start - 1600, p.End.SpeechEndTimestamp);
            Assert.InRange(p.End.SpeechEndTimestamp, start - 1600, start + streamed.Length);
            previousEnd = p.EndMs;
        }
    }
}
