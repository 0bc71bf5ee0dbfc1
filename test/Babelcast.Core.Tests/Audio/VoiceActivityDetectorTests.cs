using Babelcast.Core.Audio;
using Babelcast.Testing;

namespace Babelcast.Core.Tests.Audio;

public sealed class VoiceActivityDetectorTests
{
    private const int OnsetFrames = 4;

    [Theory]
    [InlineData(-60)]
    [InlineData(-45)]
    [InlineData(-30)]
    [InlineData(-20)]
    [InlineData(-10)]
    public void Process_SteadyWhiteNoise_NeverGivesOnset(double dbfs)
    {
        var vad = new VoiceActivityDetector(new VoiceActivityOptions());

        var frames = Run(vad, TestAudio.WhiteNoise(10, dbfs, seed: (int)-dbfs));

        Assert.DoesNotContain(frames, f => f.Onset);
        Assert.InRange(vad.NoiseFloorDbfs, dbfs - 1.5, dbfs);
    }

    [Fact]
    public void Process_SteadyHum_NeverGivesOnset()
    {
        var vad = new VoiceActivityDetector(new VoiceActivityOptions());

        var frames = Run(vad, PcmStats.Tone(50, 10, 16000, 0.1));

        Assert.DoesNotContain(frames, f => f.Onset);
    }

    [Theory]
    [InlineData(-45)]
    [InlineData(-30)]
    public void Process_SteadyNoiseAfterDigitalSilence_NeverGivesOnset(double dbfs)
    {
        // A muted input (zeros) that is then unmuted onto a hissing room: the hiss is not speech.
        var audio = TestAudio.Concat(TestAudio.Silence(2), TestAudio.WhiteNoise(5, dbfs));

        var frames = Run(new VoiceActivityDetector(new VoiceActivityOptions()), audio);

        Assert.DoesNotContain(frames, f => f.Onset);
    }

    [Fact]
    public void Process_RealSpeechAfterDigitalSilence_GivesOnsetWithinTheFirstWords()
    {
        var speech = Wav.Read16kMono(TestData.SpeechFile("LDC93S1.wav"));

        var frames = Run(new VoiceActivityDetector(new VoiceActivityOptions()), TestAudio.Concat(TestAudio.Silence(1), speech));

        var firstOnset = frames.FindIndex(f => f.Onset);
        Assert.InRange(firstOnset, 50, 50 + 25);
    }

    [Fact]
    public void Process_DigitalSilence_IsNeverVoiced()
    {
        var vad = new VoiceActivityDetector(new VoiceActivityOptions());

        var frames = Run(vad, TestAudio.Silence(3));

        Assert.All(frames, f => Assert.False(f.Voiced || f.Onset));
        Assert.All(frames, f => Assert.Equal(-120, f.LevelDbfs));
    }

    [Theory]
    [InlineData(-35)]
    [InlineData(-20)]
    [InlineData(-6)]
    public void Process_SyllableBurstsAfterSilence_GiveOnsetOnFourthFrameOfEachBurst(double dbfs)
    {
        // 1 s of faint room noise, then five 400 ms syllables separated by 300 ms pauses.
        const int burstFrames = 20;
        const int pauseFrames = 15;
        var room = TestAudio.WhiteNoise(1, -65);
        var parts = new List<short[]> { room };
        for (var b = 0; b < 5; b++)
        {
            parts.Add(TestAudio.Mix(TestAudio.Vowel(0.4, dbfs), TestAudio.WhiteNoise(0.4, -65, seed: 10 + b)));
            parts.Add(TestAudio.WhiteNoise(0.3, -65, seed: 20 + b));
        }

        var frames = Run(new VoiceActivityDetector(new VoiceActivityOptions()), TestAudio.Concat([.. parts]));

        for (var b = 0; b < 5; b++)
        {
            var start = 50 + (b * (burstFrames + pauseFrames));
            var firstOnset = Enumerable.Range(start, burstFrames + pauseFrames).First(i => frames[i].Onset);
            Assert.Equal(start + OnsetFrames - 1, firstOnset);
            Assert.All(frames.Skip(start).Take(burstFrames), f => Assert.True(f.Voiced));
            Assert.All(frames.Skip(start + burstFrames).Take(pauseFrames), f => Assert.False(f.Voiced || f.Onset));
        }

        Assert.DoesNotContain(frames.Take(50), f => f.Voiced || f.Onset);
    }

    [Fact]
    public void Process_ClicksShorterThanOnsetFrames_NeverGiveOnset()
    {
        // Three loud frames (60 ms) after every 500 ms of silence: a door knock, not speech.
        var parts = new List<short[]>();
        for (var i = 0; i < 10; i++)
        {
            parts.Add(TestAudio.WhiteNoise(0.5, -65, seed: i));
            parts.Add(TestAudio.Vowel(0.06, -10));
        }

        var frames = Run(new VoiceActivityDetector(new VoiceActivityOptions()), TestAudio.Concat([.. parts]));

        Assert.DoesNotContain(frames, f => f.Onset);
        Assert.Contains(frames, f => f.Voiced);
    }

    [Fact]
    public void Process_SoundBelowAbsoluteFloor_IsNeverVoiced()
    {
        var audio = TestAudio.Concat(TestAudio.Silence(1), TestAudio.Vowel(1, -60), TestAudio.Silence(1));

        var frames = Run(new VoiceActivityDetector(new VoiceActivityOptions()), audio);

        Assert.DoesNotContain(frames, f => f.Voiced || f.Onset);
    }

    [Fact]
    public void Process_RealSpeech_GivesOnsetAndPauses()
    {
        var frames = Run(new VoiceActivityDetector(new VoiceActivityOptions()), Wav.Read16kMono(TestData.SpeechFile("jfk.wav")));

        var voiced = frames.Count(f => f.Voiced);
        Assert.Contains(frames, f => f.Onset);
        Assert.InRange(voiced, frames.Count / 4, frames.Count * 9 / 10);
    }

    [Fact]
    public void Process_RealSpeechOverSteadyNoise_StillGivesOnset()
    {
        var speech = Wav.Read16kMono(TestData.SpeechFile("jfk.wav"));
        var noisy = TestAudio.Mix(speech, TestAudio.WhiteNoise(speech.Length / 16000.0, -45));

        var frames = Run(new VoiceActivityDetector(new VoiceActivityOptions()), noisy);

        Assert.Contains(frames, f => f.Onset);
    }

    private static List<VadFrame> Run(VoiceActivityDetector vad, short[] audio) =>
        TestAudio.Frames(audio, VoiceActivityDetector.FrameSamples).Select(f => vad.Process(f)).ToList();
}
