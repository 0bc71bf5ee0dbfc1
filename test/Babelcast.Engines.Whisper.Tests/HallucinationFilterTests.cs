namespace Babelcast.Engines.Whisper.Tests;

public sealed class HallucinationFilterTests
{
    [Theory]
    [InlineData("[BLANK_AUDIO]")]
    [InlineData(" (music)")]
    [InlineData("[Music]")]
    [InlineData("(upbeat music)")]
    [InlineData("♪ ♪")]
    [InlineData("*applause*")]
    [InlineData(" Thank you for watching!")]
    [InlineData("Thanks for watching.")]
    [InlineData("Please subscribe to my channel.")]
    [InlineData("Subtitles by the Amara.org community")]
    [InlineData("Sous-titres réalisés par la communauté d'Amara.org")]
    [InlineData("Untertitel der Amara.org-Community")]
    [InlineData(" you")]
    [InlineData("...")]
    public void Clean_Hallucination_Empty(string segment) =>
        Assert.Equal(string.Empty, HallucinationFilter.Clean([segment]));

    [Theory]
    [InlineData(" We hold these truths to be self-evident.", "We hold these truths to be self-evident.")]
    [InlineData(" And so, my fellow Americans [BLANK_AUDIO] ask not", "And so, my fellow Americans ask not")]
    [InlineData(" Thank you all for coming tonight.", "Thank you all for coming tonight.")]
    [InlineData(" I thank you", "I thank you")]
    public void Clean_Speech_Kept(string segment, string expected) =>
        Assert.Equal(expected, HallucinationFilter.Clean([segment]));

    [Fact]
    public void Clean_CreditSegmentAmongSpeech_OnlyCreditDropped() =>
        Assert.Equal("Let us pray.", HallucinationFilter.Clean([" Let us pray.", " Thank you for watching."]));

    [Fact]
    public void Clean_RepetitionLoop_KeptOnce() =>
        Assert.Equal("the end is near", HallucinationFilter.Clean(["the end is near near near near near near"]));

    [Fact]
    public void Clean_PhraseLoop_KeptOnce() =>
        Assert.Equal("so we go on and on", HallucinationFilter.Clean(["so we go on and on and on and on and on"]));
}
