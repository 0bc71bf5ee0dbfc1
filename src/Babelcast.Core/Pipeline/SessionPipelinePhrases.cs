using Babelcast.Core.Cluster;

namespace Babelcast.Core.Pipeline;

/// <summary>
/// A phrase whose final pass is running, or a typed line (no <see cref="Segment"/>, its text at hand): the queue between
/// segmenting and finalising keeps them in the order they were spoken or typed.
/// </summary>
internal sealed record PendingPhrase(long Seq, SegmentEvent? Segment, PhraseClock Clock, Task<string> Text, bool HadPartial, IngestCheckpoint? Position)
{
    /// <summary>Media time of a typed line: where the session's audio was when it arrived.</summary>
    public long TypedAtMs { get; init; }

    /// <summary>A line's origin, and what it brings for a Bible passage or prepared text.</summary>
    public WaitingLine Line { get; init; }
}

/// <summary>
/// A line typed (or a Bible passage or prepared line sent, <see cref="Origin"/>) while a phrase was being spoken: it
/// goes out after that phrase, so that seqs stay in order.
/// </summary>
internal readonly record struct WaitingLine(string Text, long ReceivedTimestamp, PhraseOrigin Origin = PhraseOrigin.Typed, PreparedTexts? Ready = null, string? SourceLanguage = null);

/// <summary>A recognised phrase and where a new owner would resume after it (null for a log without replay).</summary>
internal sealed record QueuedPhrase(RecognizedPhrase Phrase, IngestCheckpoint? Position);
