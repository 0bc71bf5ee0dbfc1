namespace Babelcast.Core.Audio;

/// <summary>Thresholds of the speaker's audio-quality warnings (the original system's values).</summary>
public sealed class AudioQualityOptions
{
    /// <summary>Speech quieter than this (90th percentile frame level over the window) is "too quiet".</summary>
    public double TooQuietDbfs { get; set; } = -40;

    /// <summary>Samples at or above this fraction of full scale count as clipped.</summary>
    public double ClipLevel { get; set; } = 0.98;

    /// <summary>More than this fraction of clipped samples in the window warns.</summary>
    public double ClipFraction { get; set; } = 0.01;

    public double MinSnrDb { get; set; } = 20;

    public double SilenceDbfs { get; set; } = -50;

    public TimeSpan LongSilence { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Each issue is reported at most once per this interval.</summary>
    public TimeSpan RepeatInterval { get; set; } = TimeSpan.FromSeconds(60);
}
