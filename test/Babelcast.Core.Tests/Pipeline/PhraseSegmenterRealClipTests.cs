using Babelcast.Core.Audio;
using Babelcast.Core.Pipeline;
using Babelcast.Core.Tests.Audio;
using Babelcast.Testing;
using Xunit.Abstractions;

namespace Babelcast.Core.Tests.Pipeline;

/// <summary>
/// The length rules on real speech: the 12 real clips one by one, and joined by pauses shorter than the end silence
/// into one long stretch of read speech that only the length rules can cut. Deterministic: audio positions, no clock.
/// </summary>
public sealed class PhraseSegmenterRealClipTests(ITestOutputHelper output)
{
    private const int FrameMs = 20;

    /// <summary>Every real clip, each followed by 250 ms of quiet room: 80 s of speech with no pause as long as EndSilenceMs.</summary>
    private static short[] LongSpeech() =>
        TestAudio.Concat([.. TestData.RealClips().SelectMany(c => new[] { Wav.Read16kMono(c.File), TestAudio.WhiteNoise(0.25, -70, seed: 3) })]);

    [Fact]
    public void Push_RealClipsJoinedByShortPauses_NoPhraseExceedsTheLimitAndLongOnesEndAtPauses()
    {
        var options = new PipelineOptions();
        var audio = LongSpeech();
        var voiced = VoicedFrames(audio, options);

        var phrases = Segmentation.Run(audio, options);

        Print(phrases);
        Segmentation.AssertConsistent(audio, phrases, options);
        Assert.All(phrases, p => Assert.InRange(p.EndMs - p.StartMs, 1, options.MaxPhraseMs));
        var byPause = phrases.Where(p => p.End.Reason == PhraseEndReason.LongPhrasePause).ToList();
        Assert.True(byPause.Count >= 5, $"only {byPause.Count} phrases cut at a pause past the soft limit");
        foreach (var p in byPause)
        {
            // Closed on a pause: its last PauseCutSilenceMs are unvoiced, and the phrase was past the soft limit then
            // (its audio may be a head start's, taken up to a pause's length before the limit was reached).
            var endFrame = (int)(p.EndMs / FrameMs);
            Assert.InRange(p.EndMs - p.StartMs, options.SoftMaxPhraseMs - options.PauseCutSilenceMs, options.MaxPhraseMs);
            Assert.DoesNotContain(true, voiced[(endFrame - (options.PauseCutSilenceMs / FrameMs))..endFrame]);
        }

        foreach (var p in phrases.Where(p => p.End.Reason == PhraseEndReason.MaxLength))
        {
            // A hard cut only where the stretch past the soft limit held no pause long enough to cut at.
            var from = (int)((p.StartMs + options.SoftMaxPhraseMs) / FrameMs);
            var to = (int)((p.StartMs + options.MaxPhraseMs) / FrameMs);
            Assert.True(LongestUnvoicedRun(voiced[from..to]) * FrameMs < options.PauseCutSilenceMs, $"hard cut at {p.EndMs} ms although a pause existed");
        }
    }

    [Fact]
    public void Push_EachRealClip_LongOnesAreCutAtAPauseNotAtTheHardLimit()
    {
        var options = new PipelineOptions();
        foreach (var (file, _) in TestData.RealClips())
        {
            var audio = Wav.Read16kMono(file);
            var phrases = Segmentation.Run(audio, options);

            output.WriteLine(Path.GetFileName(file));
            Print(phrases);
            Segmentation.AssertConsistent(audio, phrases, options);
            Assert.DoesNotContain(phrases, p => p.End.Reason == PhraseEndReason.MaxLength);
        }
    }

    [Fact]
    public void Push_RealClipsWithoutTheSoftLimit_LongSpeechIsCutOnlyAtTheHardLimit()
    {
        // The control: without the soft limit the same audio is cut inside speech at the maximum length.
        var options = new PipelineOptions { SoftMaxPhraseMs = 0 };

        var phrases = Segmentation.Run(LongSpeech(), options);

        Print(phrases);
        Assert.DoesNotContain(phrases, p => p.End.Reason == PhraseEndReason.LongPhrasePause);
        Assert.Contains(phrases, p => p.End.Reason == PhraseEndReason.MaxLength);
    }

    private static bool[] VoicedFrames(short[] audio, PipelineOptions options)
    {
        // The segmenter's own detector, run again over the same frames: the same decisions, seen from outside.
        var vad = new VoiceActivityDetector(options.VoiceActivity);
        return [.. TestAudio.Frames(audio).Select(f => vad.Process(f).Voiced)];
    }

    private static int LongestUnvoicedRun(bool[] voiced)
    {
        int longest = 0, run = 0;
        foreach (var v in voiced)
        {
            run = v ? 0 : run + 1;
            longest = Math.Max(longest, run);
        }

        return longest;
    }

    private void Print(List<SegmentedPhrase> phrases)
    {
        foreach (var p in phrases)
        {
            output.WriteLine($"  {p.StartMs,6}-{p.EndMs,6} ms ({p.EndMs - p.StartMs,5} ms, speech {p.End.SpeechMs,5} ms) {p.End.Reason}");
        }
    }
}
