using Babelcast.Core.Audio;

namespace Babelcast.Core.Tests.Audio;

public sealed class ProsodyEstimatorTests
{
    // Volume bands: above -10 dBFS x-loud, -10..-20 medium, -20..-30 soft, below -30 x-soft.
    [Theory]
    [InlineData(-3, 1.4)]
    [InlineData(-9.9, 1.4)]
    [InlineData(-10, 1.0)]
    [InlineData(-15, 1.0)]
    [InlineData(-25, 0.85)]
    [InlineData(-30, 0.85)]
    [InlineData(-30.1, 0.7)]
    [InlineData(-45, 0.7)]
    [InlineData(-120, 0.7)]
    public void Estimate_SpeechLevel_PicksVolumeBand(double level, double expectedVolume)
    {
        var prosody = ProsodyEstimator.Estimate(level, 10, 4000);

        Assert.Equal(expectedVolume, prosody.VolumeFactor);
    }

    // Rate bands: below 100 wpm x-slow, 100-130 slow, 130-160 medium, 160-190 fast, above 190 x-fast.
    [Theory]
    [InlineData(60, 0.8)]
    [InlineData(99, 0.8)]
    [InlineData(100, 0.9)]
    [InlineData(115, 0.9)]
    [InlineData(145, 1.0)]
    [InlineData(175, 1.15)]
    [InlineData(190, 1.15)]
    [InlineData(191, 1.3)]
    [InlineData(260, 1.3)]
    public void Estimate_WordsPerMinute_PicksRateBand(int wordsPerMinute, double expectedRate)
    {
        // One minute of speech: the word count is the rate.
        var prosody = ProsodyEstimator.Estimate(-15, wordsPerMinute, 60_000);

        Assert.Equal(expectedRate, prosody.RateFactor);
    }

    [Fact]
    public void Estimate_ShortPhrase_ComputesRateFromDuration()
    {
        // 5 words in 1.5 s = 200 wpm (x-fast); 5 words in 2.5 s = 120 wpm (slow).
        Assert.Equal(1.3, ProsodyEstimator.Estimate(-15, 5, 1500).RateFactor);
        Assert.Equal(0.9, ProsodyEstimator.Estimate(-15, 5, 2500).RateFactor);
    }

    [Theory]
    [InlineData(0, 3000)]
    [InlineData(5, 0)]
    [InlineData(5, -10)]
    public void Estimate_NoWordsOrNoSpeech_KeepsNormalRate(int words, int speechMs)
    {
        var prosody = ProsodyEstimator.Estimate(-5, words, speechMs);

        Assert.Equal(1.0, prosody.RateFactor);
        Assert.Equal(1.4, prosody.VolumeFactor);
    }
}
