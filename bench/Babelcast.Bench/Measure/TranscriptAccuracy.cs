using Babelcast.Core.Diagnostics;
using Babelcast.Core.Protocol;

namespace Babelcast.Bench.Measure;

/// <summary>
/// Word error rate of the final transcripts against the clips' reference texts, scored as the accuracy tests score
/// (<see cref="WordErrorRate"/>): one speaker's finals in sequence order against its clips' references in spoken
/// order, so that a phrase cut inside a clip or merged across two clips costs nothing by itself.
/// </summary>
public sealed record TranscriptAccuracy(int Errors, int Words)
{
    public static readonly TranscriptAccuracy None = new(0, 0);

    /// <summary>Errors per reference word (0 when nothing was scored).</summary>
    public double Rate => Words == 0 ? 0 : Math.Round((double)Errors / Words, 4);

    public static TranscriptAccuracy Of(SpeakerCapture capture)
    {
        var program = capture.Program;
        var hypothesis = capture.SpeakerMessages
            .Where(m => m.Type == MessageTypes.Transcript && m.Final)
            .Where(m => PhraseAnalyzer.Place(program, capture.Streamer, capture.SampleOffset, m) is { } clip && clip.Index >= program.WarmupClips)
            .OrderBy(m => m.Seq)
            .Select(m => m.Text());
        var reference = string.Join(' ', program.MeasuredClips.Select(c => c.Reference));
        return new TranscriptAccuracy(WordErrorRate.Errors(reference, string.Join(' ', hypothesis)), WordErrorRate.WordCount(reference));
    }

    /// <summary>Several speakers together: errors and words summed, so that each word weighs the same.</summary>
    public static TranscriptAccuracy Sum(IEnumerable<TranscriptAccuracy> parts) =>
        parts.Aggregate(None, (a, b) => new TranscriptAccuracy(a.Errors + b.Errors, a.Words + b.Words));

    public string Brief() => Words == 0 ? "not scored" : $"{Rate * 100:F1} % ({Errors}/{Words} words)";
}
