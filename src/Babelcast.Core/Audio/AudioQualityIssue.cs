namespace Babelcast.Core.Audio;

public enum AudioQualityIssue
{
    TooQuiet,
    Clipping,
    LowSnr,
    LongSilence,
}
