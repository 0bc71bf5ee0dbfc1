using Babelcast.Testing;

namespace Babelcast.Engines.Whisper.Tests;

internal static class Audio
{
    public static short[] Speech() => Wav.Read16kMono(TestData.SpeechFile("jfk.wav"));

    public static short[] Silence(double seconds) => new short[(int)(seconds * 16_000)];

    /// <summary>Steady faint hiss, as a quiet room with a microphone open gives.</summary>
    public static short[] Noise(double seconds, int amplitude)
    {
        var random = new Random(3);
        var samples = new short[(int)(seconds * 16_000)];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)random.Next(-amplitude, amplitude + 1);
        }

        return samples;
    }
}
