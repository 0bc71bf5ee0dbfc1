using Babelcast.Core.Pipeline;
using Babelcast.Core.Tests.Audio;
using Babelcast.Testing;
using Xunit.Abstractions;

namespace Babelcast.Core.Tests.Pipeline;

/// <summary>
/// The segmentation the latency bench sees: the 12 real clips, each followed by 1.5 s of -66 dBFS noise, in 60 ms
/// packets. Prints the counts behind docs/benchmarks.md ("Long phrases"); positions in audio, so independent of load.
/// </summary>
public sealed class PhraseSegmenterBenchStreamTests(ITestOutputHelper output)
{
    [Fact]
    public void Push_BenchStream_SoftLimitLeavesNoHardCutAndWastesFewerHeadStarts()
    {
        var off = Count(new PipelineOptions { SoftMaxPhraseMs = 0 });
        var on = Count(new PipelineOptions());

        Assert.True(off.HardCuts >= 1, "the control should contain a 7 s cut");
        Assert.Equal(0, on.HardCuts);
        Assert.True(on.PauseCuts >= 3, $"{on.PauseCuts} phrases closed at a pause past the soft limit");
        Assert.True(on.WastedMs <= off.WastedMs, $"head starts wasted {on.WastedMs} ms of audio, {off.WastedMs} ms without the soft limit");
    }

    private (int HardCuts, int PauseCuts, long WastedMs) Count(PipelineOptions options)
    {
        var audio = TestAudio.Concat([.. TestData.RealClips().SelectMany(c => new[] { Wav.Read16kMono(c.File), TestAudio.WhiteNoise(1.5, -66, seed: 3) })]);
        var segmenter = new PhraseSegmenter(options);
        var events = new List<SegmentEvent>();
        Segmentation.Push(segmenter, audio, events, packetSamples: 960);
        segmenter.Flush(events);

        var ends = events.Where(e => e.Kind == SegmentEventKind.End).ToList();
        var tentatives = events.Where(e => e.Kind == SegmentEventKind.TentativeEnd).ToList();
        // Audio decoded by head-start passes that speech made void: final-pass CPU spent for nothing.
        var wastedMs = tentatives.Sum(t => t.Samples.Length / 16L) - ends.Where(e => e.TentativeHolds).Sum(e => e.Samples.Length / 16L);
        var lengths = ends.Select(e => (int)(e.EndMs - e.StartMs)).Order().ToList();
        var finalMs = ends.Sum(e => e.Samples.Length / 16L);

        // An estimate, not a measurement: the final pass starts at the head start if it holds, else when the phrase
        // closes, and takes 0.15 x the phrase (the pruned pass's RTF in docs/benchmarks.md).
        var recognised = ends.Where(e => e.Reason != PhraseEndReason.MaxLength).Select(e =>
        {
            var closed = e.Reason == PhraseEndReason.LongPhrasePause ? Math.Min(options.PauseCutSilenceMs, options.EndSilenceMs) : options.EndSilenceMs;
            return Math.Max(closed, (e.TentativeHolds ? options.FinalPassHeadStartMs : closed) + (0.15 * (e.EndMs - e.StartMs)));
        }).Order().ToList();
        var hard = ends.Count(e => e.Reason == PhraseEndReason.MaxLength);
        var pause = ends.Count(e => e.Reason == PhraseEndReason.LongPhrasePause);
        output.WriteLine(
            $"EndSilenceMs {options.EndSilenceMs}, head start {options.FinalPassHeadStartMs}, SoftMaxPhraseMs {options.SoftMaxPhraseMs}, PauseCutSilenceMs {options.PauseCutSilenceMs}: " +
            $"{ends.Count} phrases ({ends.Count(e => e.Reason == PhraseEndReason.Pause)} pause, {pause} pause past soft limit, {hard} hard cut), " +
            $"length p50 {lengths[lengths.Count / 2]} max {lengths[^1]} ms; final-pass audio {finalMs} ms + wasted {wastedMs} ms; " +
            $"model recognised p50 {recognised[recognised.Count / 2]:F0} p95 {recognised[(int)Math.Ceiling(recognised.Count * 0.95) - 1]:F0} ms");
        return (hard, pause, wastedMs);
    }
}
