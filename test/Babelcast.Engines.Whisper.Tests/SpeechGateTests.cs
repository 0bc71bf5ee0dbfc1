using Babelcast.Core.Audio;
using Babelcast.Testing;

namespace Babelcast.Engines.Whisper.Tests;

public sealed class SpeechGateTests
{
    private static readonly VoiceActivityOptions Vad = new();

    [Fact]
    public void HasSpeech_DigitalSilence_False() => Assert.False(SpeechGate.HasSpeech(Audio.Silence(5), Vad, 200));

    [Theory]
    [InlineData(30)]
    [InlineData(300)]
    [InlineData(3000)]
    public void HasSpeech_SteadyNoise_False(int amplitude) => Assert.False(SpeechGate.HasSpeech(Audio.Noise(5, amplitude), Vad, 200));

    [Fact]
    public void HasSpeech_SteadyTone_False() => Assert.False(SpeechGate.HasSpeech(PcmStats.Tone(440, 3, 16_000, 0.3), Vad, 200));

    [Fact]
    public void HasSpeech_Speech_True() => Assert.True(SpeechGate.HasSpeech(Audio.Speech(), Vad, 200));

    [Fact]
    public void HasSpeech_SpeechAfterSilence_True() => Assert.True(SpeechGate.HasSpeech([.. Audio.Noise(1, 30), .. Audio.Speech()], Vad, 200));

    [Fact]
    public void HasSpeech_ClickInSilence_False()
    {
        var audio = Audio.Silence(2);
        for (var i = 16_000; i < 16_000 + 800; i++)
        {
            audio[i] = (short)(i % 2 == 0 ? 20_000 : -20_000); // 50 ms click: shorter than the speech minimum
        }

        Assert.False(SpeechGate.HasSpeech(audio, Vad, 200));
    }
}
