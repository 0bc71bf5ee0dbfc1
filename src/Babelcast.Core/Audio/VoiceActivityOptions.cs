namespace Babelcast.Core.Audio;

/// <summary>Energy-based voice activity thresholds, relative to an adaptive noise floor.</summary>
public sealed class VoiceActivityOptions
{
    /// <summary>A frame starts speech when it is this far above the noise floor.</summary>
    public double OnsetMarginDb { get; set; } = 12;

    /// <summary>Speech continues while frames stay this far above the noise floor.</summary>
    public double ContinueMarginDb { get; set; } = 7;

    /// <summary>Frames quieter than this are never speech.</summary>
    public double AbsoluteFloorDbfs { get; set; } = -55;

    /// <summary>Consecutive loud frames (20 ms each) needed to start speech.</summary>
    public int OnsetFrames { get; set; } = 4;

    /// <summary>How much history the noise floor (10th percentile of frame levels) looks at.</summary>
    public int NoiseWindowFrames { get; set; } = 150;
}
