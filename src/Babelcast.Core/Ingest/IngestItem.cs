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
}

/// <summary>
/// One entry of a session's ordered ingest log: a PCM16 frame as received (little-endian bytes) or a control marker
/// that must be applied in order with the audio around it. <see cref="ReceivedTimestamp"/> is a TimeProvider timestamp.
/// </summary>
public readonly record struct IngestItem(IngestKind Kind, ReadOnlyMemory<byte> Audio, long ReceivedTimestamp)
{
    public static IngestItem Control(IngestKind kind, long timestamp) => new(kind, ReadOnlyMemory<byte>.Empty, timestamp);
}
