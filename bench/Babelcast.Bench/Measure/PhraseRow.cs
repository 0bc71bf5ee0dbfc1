namespace Babelcast.Bench.Measure;

/// <summary>
/// One final phrase as one listener language saw it. Times are milliseconds from the end of speech found in the
/// audio by the harness (partial lag: from the onset). Stages are the server's own timings (ms after the server's
/// end of speech) plus the harness-derived transit before and delivery after. Null: never arrived.
/// <see cref="FirstClipIndex"/> is below <see cref="ClipIndex"/> when the phrase merged clips across a short gap.
/// </summary>
public sealed record PhraseRow(
    int Speaker,
    long Seq,
    int ClipIndex,
    int FirstClipIndex,
    string Clip,
    bool ClosesClip,
    bool MaxLengthCut,
    string Language,
    double? ToTranscriptMs,
    double? ToCaptionMs,
    double? ToAudioMs,
    double? PartialLagMs,
    IReadOnlyDictionary<string, double> Stages,
    string SourceText,
    string CaptionText);
