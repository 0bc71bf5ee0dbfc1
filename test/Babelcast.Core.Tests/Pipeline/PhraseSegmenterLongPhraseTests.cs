using System.ComponentModel.DataAnnotations;
using Babelcast.Core.Pipeline;
using Babelcast.Core.Tests.Audio;

namespace Babelcast.Core.Tests.Pipeline;

/// <summary>The soft length limit: past <see cref="PipelineOptions.SoftMaxPhraseMs"/> a shorter pause closes the phrase.</summary>
public sealed class PhraseSegmenterLongPhraseTests
{
    private static short[] Room(double seconds) => TestAudio.WhiteNoise(seconds, -70, seed: 7);

    /// <summary>
    /// Unbroken "speech": 200 ms syllables with 60 ms dips between them (3 unvoiced frames, shorter than any pause rule),
    /// so that the detector's noise floor stays at the room's level however long it goes on.
    /// </summary>
    private static short[] Talk(double seconds)
    {
        var syllable = TestAudio.Concat(TestAudio.Vowel(0.2, -20), Room(0.06));
        var count = (int)Math.Round(seconds / 0.26);
        return TestAudio.Concat([.. Enumerable.Repeat(syllable, count)]);
    }

    [Fact]
    public void Push_PauseShorterThanEndSilenceAfterTheSoftLimit_ClosesThePhraseThere()
    {
        var options = new PipelineOptions { PreRollMs = 0 };
        var first = Talk(4.68);
        var audio = TestAudio.Concat(Room(0.5), first, Room(0.25), Talk(2.08), Room(1));
        var pauseStartMs = 500 + (first.Length / 16) - 60;

        var phrases = Segmentation.Run(audio, options);

        Assert.Equal(2, phrases.Count);
        Assert.Equal(PhraseEndReason.LongPhrasePause, phrases[0].End.Reason);
        // The cut keeps the tail of the last syllable and lies inside the pause.
        Assert.InRange(phrases[0].EndMs, pauseStartMs + 60, pauseStartMs + options.PauseCutSilenceMs + 20);
        Assert.InRange(phrases[1].StartMs, phrases[0].EndMs, pauseStartMs + 310 + 80);
        Assert.Equal(PhraseEndReason.Pause, phrases[1].End.Reason);
        Segmentation.AssertConsistent(audio, phrases, options);
    }

    [Fact]
    public void Push_SamePauseBeforeTheSoftLimit_DoesNotCut()
    {
        var options = new PipelineOptions { PreRollMs = 0 };
        var audio = TestAudio.Concat(Room(0.5), Talk(2.08), Room(0.25), Talk(1.04), Room(1));

        var phrases = Segmentation.Run(audio, options);

        var phrase = Assert.Single(phrases);
        Assert.Equal(PhraseEndReason.Pause, phrase.End.Reason);
    }

    [Fact]
    public void Push_OnlyPausesShorterThanThePauseCut_IsCutAtTheHardLimit()
    {
        // 120 ms pauses after the soft limit are too short for either rule: only the maximum length cuts.
        var options = new PipelineOptions { PreRollMs = 0 };
        var audio = TestAudio.Concat(Room(0.5), Talk(4.68), Room(0.06), Talk(2.6), Room(0.06), Talk(2.6), Room(1));

        var phrases = Segmentation.Run(audio, options);

        Assert.True(phrases.Count >= 2, $"{phrases.Count} phrases");
        Assert.Equal(PhraseEndReason.MaxLength, phrases[0].End.Reason);
        Assert.Equal(phrases[0].EndMs, phrases[1].StartMs);
        Assert.InRange(phrases[0].EndMs - phrases[0].StartMs, options.MaxPhraseMs / 2, options.MaxPhraseMs);
        Segmentation.AssertConsistent(audio, phrases, options);
    }

    [Fact]
    public void Push_SoftLimitDisabled_ShortPauseNeverCuts()
    {
        var options = new PipelineOptions { PreRollMs = 0, SoftMaxPhraseMs = 0 };
        var audio = TestAudio.Concat(Room(0.5), Talk(4.68), Room(0.25), Talk(1.04), Room(1));

        var phrases = Segmentation.Run(audio, options);

        var phrase = Assert.Single(phrases);
        Assert.Equal(PhraseEndReason.Pause, phrase.End.Reason);
        Assert.True(phrase.EndMs > 500 + 4680 + 250 + 1000, $"ends at {phrase.EndMs} ms");
    }

    [Fact]
    public void Push_PauseCutAfterTheHeadStart_FinalPassAudioHolds()
    {
        // With the pause cut longer than the head start, the early final pass is on exactly the phrase's audio.
        var options = new PipelineOptions { PreRollMs = 0, FinalPassHeadStartMs = 100, PauseCutSilenceMs = 200 };
        var audio = TestAudio.Concat(Room(0.5), Talk(4.68), Room(0.25), Talk(1.04), Room(1));
        var segmenter = new PhraseSegmenter(options);
        var events = new List<SegmentEvent>();

        Segmentation.Push(segmenter, audio, events);

        var end = events.First(e => e.Kind == SegmentEventKind.End);
        Assert.Equal(PhraseEndReason.LongPhrasePause, end.Reason);
        Assert.True(end.TentativeHolds);
        var tentative = events.Take(events.IndexOf(end)).Last(e => e.Kind == SegmentEventKind.TentativeEnd);
        Assert.Equal(end.Samples, tentative.Samples);
    }

    [Theory]
    [InlineData(7000, 200, false)]
    [InlineData(6000, 200, true)]
    [InlineData(0, 200, true)]
    [InlineData(4000, 30, false)]
    [InlineData(4000, 400, true)]
    public void Validate_SoftLimitAndPause_SoftLimitMustBeBelowTheHardLimit(int softMs, int pauseMs, bool valid)
    {
        var options = new PipelineOptions { MaxPhraseMs = 7000, EndSilenceMs = 350, SoftMaxPhraseMs = softMs, PauseCutSilenceMs = pauseMs };

        var ok = Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true);

        Assert.Equal(valid, ok);
    }
}
