using Babelcast.Core.Audio;

namespace Babelcast.Core.Pipeline;

public enum SegmentEventKind
{
    /// <summary>A phrase begins; <see cref="SegmentEvent.Samples"/> holds its first audio (pre-roll included).</summary>
    Start,

    /// <summary>More audio of the current phrase, about one recogniser chunk.</summary>
    Audio,

    /// <summary>The phrase closed; <see cref="SegmentEvent.Samples"/> holds the whole phrase for the final pass.</summary>
    End,

    /// <summary>An audio-quality issue was detected.</summary>
    Quality,

    /// <summary>
    /// The phrase has paused long enough that it has probably ended; <see cref="SegmentEvent.Samples"/> is the audio
    /// it will have if no speech follows, so the final pass can start early.
    /// </summary>
    TentativeEnd,

    /// <summary>
    /// Audio of the current phrase that is sure to belong to it whatever follows (speech so far plus the tail the phrase
    /// keeps after its last voiced frame), continuing the previous settled audio from the phrase's first sample; it
    /// always covers a <see cref="TentativeEnd"/>'s audio before that event, and an <see cref="End"/>'s unless a
    /// maximum-length cut shortened the phrase. Lets the final pass run while the phrase is spoken.
    /// </summary>
    Settled,
}

public sealed record SegmentEvent(SegmentEventKind Kind, short[] Samples)
{
    public long StartMs { get; init; }

    public long EndMs { get; init; }

    public int SpeechMs { get; init; }

    public double SpeechLevelDbfs { get; init; }

    public long FirstReceivedTimestamp { get; init; }

    public long SpeechEndTimestamp { get; init; }

    public AudioQualityIssue Issue { get; init; }

    /// <summary>On <see cref="SegmentEventKind.End"/>: no speech came after the last TentativeEnd, whose audio equals this one.</summary>
    public bool TentativeHolds { get; init; }

    /// <summary>On <see cref="SegmentEventKind.End"/>: which rule closed the phrase.</summary>
    public PhraseEndReason Reason { get; init; }
}
