using Babelcast.Core.Pipeline;

namespace Babelcast.Core.Tests.Pipeline;

/// <summary>One phrase as the segmenter emitted it: its Start, the Audio chunks streamed after it, and its End.</summary>
internal sealed record SegmentedPhrase(SegmentEvent Start, IReadOnlyList<SegmentEvent> Chunks, SegmentEvent End)
{
    public long StartMs => End.StartMs;

    public long EndMs => End.EndMs;

    /// <summary>What a streaming recogniser was fed for this phrase.</summary>
    public short[] Streamed => [.. Chunks.Prepend(Start).SelectMany(e => e.Samples)];

    /// <summary>Groups a segmenter's events into phrases, checking that they come as Start, Audio*, End.</summary>
    public static List<SegmentedPhrase> From(IEnumerable<SegmentEvent> events)
    {
        var phrases = new List<SegmentedPhrase>();
        SegmentEvent? start = null;
        var chunks = new List<SegmentEvent>();
        foreach (var e in events.Where(e => e.Kind != SegmentEventKind.Quality))
        {
            switch (e.Kind)
            {
                case SegmentEventKind.Start:
                    Assert.Null(start);
                    start = e;
                    chunks = [];
                    break;
                case SegmentEventKind.Audio:
                    Assert.NotNull(start);
                    chunks.Add(e);
                    break;
                case SegmentEventKind.End:
                    Assert.NotNull(start);
                    phrases.Add(new SegmentedPhrase(start, chunks, e));
                    start = null;
                    break;
            }
        }

        Assert.Null(start);
        return phrases;
    }
}
