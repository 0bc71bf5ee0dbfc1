using Babelcast.Core.Pipeline;
using Babelcast.Testing;

namespace Babelcast.Core.Tests.Pipeline;

public sealed class PhraseSegmenterHeadStartTests
{
    private static short[] Clip(string name) => Wav.Read16kMono(TestData.SpeechFile(name));

    private static List<SegmentEvent> Run(short[] audio, PipelineOptions options)
    {
        var segmenter = new PhraseSegmenter(options);
        var events = new List<SegmentEvent>();
        Segmentation.Push(segmenter, audio, events);
        segmenter.Flush(events);
        return events;
    }

    [Fact]
    public void Push_PauseAfterSpeech_TentativeEndCarriesExactlyTheAudioOfTheEnd()
    {
        var audio = Clip("goforward.wav").Concat(new short[16000]).ToArray();

        var events = Run(audio, new PipelineOptions());

        var tentative = events.FindLast(e => e.Kind == SegmentEventKind.TentativeEnd);
        var end = events.FindLast(e => e.Kind == SegmentEventKind.End);
        Assert.NotNull(tentative);
        Assert.NotNull(end);
        Assert.True(end.TentativeHolds);
        Assert.Equal(end.Samples, tentative.Samples);
        Assert.True(events.IndexOf(tentative) < events.IndexOf(end));
    }

    [Fact]
    public void Push_SpeechResumesAfterATentativeEnd_TheEndDoesNotTrustIt()
    {
        var options = new PipelineOptions { EndSilenceMs = 1000, FinalPassHeadStartMs = 100 };
        var audio = Clip("jfk.wav").Concat(new short[24000]).ToArray();

        var events = Run(audio, options);

        var ends = events.Where(e => e.Kind == SegmentEventKind.End).ToList();
        Assert.NotEmpty(ends);
        var tentatives = events.Count(e => e.Kind == SegmentEventKind.TentativeEnd);
        Assert.True(tentatives > ends.Count, $"{tentatives} tentative ends for {ends.Count} phrases: some pauses must have been shorter than the end silence");
        foreach (var end in ends.Where(e => e.TentativeHolds))
        {
            var lastTentative = events.Take(events.IndexOf(end)).Last(e => e.Kind == SegmentEventKind.TentativeEnd);
            Assert.Equal(end.Samples, lastTentative.Samples);
        }
    }

    [Fact]
    public void Push_HeadStartDisabled_NoTentativeEnds()
    {
        var events = Run(Clip("jfk.wav").Concat(new short[16000]).ToArray(), new PipelineOptions { FinalPassHeadStartMs = 0 });

        Assert.DoesNotContain(events, e => e.Kind == SegmentEventKind.TentativeEnd);
        Assert.Contains(events, e => e.Kind == SegmentEventKind.End);
    }
}
