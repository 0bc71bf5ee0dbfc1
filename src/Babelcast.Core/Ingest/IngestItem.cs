namespace Babelcast.Core.Ingest;

public enum IngestKind
{
    Audio,
    Pause,
    Resume,

    /// <summary>The speaker left: finish the phrase in progress and release engine resources until audio comes back.</summary>
    Flush,

    /// <summary>The session ends: flush the phrase in progress, then stop.</summary>
    End,

    /// <summary>A line the operator typed (UTF-8 in the payload): it goes out as a phrase, in order with the speech around it.</summary>
    Text,

    /// <summary>
    /// A Bible passage or a line of prepared text (a <see cref="Pipeline.ScriptedPhrase"/> as JSON in the payload): its
    /// phrases go out in order with the speech around it, each language's text ready where the item brings one.
    /// </summary>
    Script,
}

/// <summary>
/// One entry of a session's ordered ingest log: a PCM16 frame as received (little-endian bytes) or a control marker
/// that must be applied in order with the audio around it. <see cref="ReceivedTimestamp"/> is a TimeProvider timestamp.
/// </summary>
public readonly record struct IngestItem(IngestKind Kind, ReadOnlyMemory<byte> Audio, long ReceivedTimestamp)
{
    /// <summary>
    /// Where the item sits in a durable ingest log (a Redis stream id), so that the pipeline can commit a checkpoint
    /// after a finished phrase; null in the in-process log, which has no replay.
    /// </summary>
    public string? Position { get; init; }

    /// <summary>
    /// The speaker client's number of an audio frame (protocol framing <c>seq</c>: 1, 2, ... per session across
    /// reconnects), on which the ingest makes the append idempotent; 0 for a frame without one and for markers.
    /// </summary>
    public long ClientSeq { get; init; }

    public static IngestItem Control(IngestKind kind, long timestamp) => new(kind, ReadOnlyMemory<byte>.Empty, timestamp);

    public static IngestItem Typed(string text, long timestamp) => new(IngestKind.Text, System.Text.Encoding.UTF8.GetBytes(text), timestamp);

    public static IngestItem Scripted(Pipeline.ScriptedPhrase phrase, long timestamp) => new(IngestKind.Script, phrase.ToBytes(), timestamp);

    /// <summary>The typed line of a <see cref="IngestKind.Text"/> item.</summary>
    public string Text => System.Text.Encoding.UTF8.GetString(Audio.Span);
}
