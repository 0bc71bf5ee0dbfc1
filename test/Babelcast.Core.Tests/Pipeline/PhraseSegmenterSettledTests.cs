using Babelcast.Core.Pipeline;
using Babelcast.Testing;

namespace Babelcast.Core.Tests.Pipeline;

/// <summary>Settled audio: what an incremental final pass may decode before the phrase is over.</summary>
public sealed class PhraseSegmenterSettledTests
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

    /// <summary>Each phrase's settled audio so far, after every event, with the phrase's own events.</summary>
    private static IEnumerable<(SegmentEvent Event, short[] Settled)> Walk(List<SegmentEvent> events)
    {
        var settled = new List<short>();
        foreach (var e in events)
        {
            if (e.Kind == SegmentEventKind.Start)
            {
                settled.Clear();
            }
            else if (e.Kind == SegmentEventKind.Settled)
            {
                settled.AddRange(e.Samples);
            }

            yield return (e, [.. settled]);
        }
    }

    [Fact]
    public void Push_PhraseWithPauses_SettledAudioIsAPrefixOfThePhraseAndCoversEveryTentativeEndAndEnd()
    {
        // Short head start and long end silence: several tentative ends per phrase, speech resuming after most of them.
        var options = new PipelineOptions { EndSilenceMs = 1000, FinalPassHeadStartMs = 100 };
        var events = Run([.. Clip("jfk.wav"), .. new short[24000], .. Clip("goforward.wav"), .. new short[24000]], options);

        var checkedEnds = 0;
        foreach (var (e, settled) in Walk(events))
        {
            if (e.Kind is SegmentEventKind.TentativeEnd or SegmentEventKind.End)
            {
                // Before the event the pass has had exactly its audio: nothing missing, nothing that is not the phrase's.
                Assert.True(e.Samples.AsSpan().SequenceEqual(settled), $"{e.Kind} {e.Reason}: {e.Samples.Length} samples, {settled.Length} settled");
                checkedEnds += e.Kind == SegmentEventKind.End ? 1 : 0;
            }
        }

        Assert.True(checkedEnds >= 2, $"{checkedEnds} phrases");
        Assert.True(events.Count(e => e.Kind == SegmentEventKind.Settled) > 20, "settled audio comes while the phrase is spoken, chunk by chunk");
    }

    [Fact]
    public void Push_SilenceAfterSpeech_SettledAudioStopsAtTheTailTheFinalPassKeeps()
    {
        var events = Run([.. Clip("goforward.wav"), .. new short[32000]], new PipelineOptions());

        var (_, settledAtEnd) = Walk(events).First(x => x.Event.Kind == SegmentEventKind.End);
        var end = events.First(e => e.Kind == SegmentEventKind.End);
        var streamed = events.TakeWhile(e => e != end).Where(e => e.Kind is SegmentEventKind.Start or SegmentEventKind.Audio).Sum(e => e.Samples.Length);
        Assert.Equal(end.Samples.Length, settledAtEnd.Length);
        Assert.True(streamed > settledAtEnd.Length, "the silence that closed the phrase is streamed but never settled");
    }

    [Fact]
    public void Push_PhraseCutAtMaximumLength_SettledAudioRestartsWithTheNextPhrase()
    {
        var options = new PipelineOptions { MaxPhraseMs = 2000, EndSilenceMs = 5000, SoftMaxPhraseMs = 0 };
        var events = Run([.. Clip("jfk.wav"), .. new short[16000]], options);

        var cuts = events.Where(e => e.Kind == SegmentEventKind.End && e.Reason == PhraseEndReason.MaxLength).ToList();
        Assert.NotEmpty(cuts);
        foreach (var (e, settled) in Walk(events))
        {
            if (e.Kind == SegmentEventKind.End)
            {
                // A cut may come before audio already settled (the quietest point lies behind): the pass must see that.
                var prefix = Math.Min(settled.Length, e.Samples.Length);
                Assert.Equal(e.Samples.AsSpan(0, prefix).ToArray(), settled.AsSpan(0, prefix).ToArray());
                Assert.True(e.Reason == PhraseEndReason.MaxLength || settled.Length == e.Samples.Length);
            }
        }
    }
}
