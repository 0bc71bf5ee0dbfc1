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
}
