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

    public static IngestItem Control(IngestKind kind, long timestamp) => new(kind, ReadOnlyMemory<byte>.Empty, timestamp);

    public static IngestItem Typed(string text, long timestamp) => new(IngestKind.Text, System.Text.Encoding.UTF8.GetBytes(text), timestamp);

    /// <summary>The typed line of a <see cref="IngestKind.Text"/> item.</summary>
    public string Text => System.Text.Encoding.UTF8.GetString(Audio.Span);
}
