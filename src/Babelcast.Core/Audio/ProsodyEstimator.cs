using Babelcast.Core.Synthesis;

namespace Babelcast.Core.Audio;

/// <summary>
/// Maps the speaker's loudness and speaking rate of a phrase to the synthesised voice, with the original system's
/// thresholds: RMS dBFS above -10 x-loud, -10..-20 medium, -20..-30 soft, below -30 x-soft; words per minute below
/// 100 x-slow, 100-130 slow, 130-160 medium, 160-190 fast, above 190 x-fast.
/// </summary>
public static class ProsodyEstimator
{
    public static Prosody Estimate(double speechLevelDbfs, int wordCount, int speechMs)
    {
        var volume = speechLevelDbfs switch
        {
            > -10 => 1.4,
            > -20 => 1.0,
            >= -30 => 0.85,
            _ => 0.7,
        };
        if (wordCount == 0 || speechMs <= 0)
        {
            return new Prosody(1.0, volume);
        }

        var wpm = wordCount * 60_000.0 / speechMs;
        var rate = wpm switch
        {
            < 100 => 0.8,
            < 130 => 0.9,
            < 160 => 1.0,
            <= 190 => 1.15,
            _ => 1.3,
        };
        return new Prosody(rate, volume);
    }
}
