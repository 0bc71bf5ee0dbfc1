using System.Buffers.Binary;

namespace Babelcast.Core.Audio;

/// <summary>PCM16 helpers.</summary>
public static class Pcm
{
    public const int SampleRate = 16000;

    public static short[] FromLittleEndian(ReadOnlySpan<byte> bytes)
    {
        var samples = new short[bytes.Length / 2];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes.Slice(i * 2, 2));
        }

        return samples;
    }

    /// <summary>RMS level in dBFS (full scale = 0 dB); digital silence gives -120.</summary>
    public static double LevelDbfs(ReadOnlySpan<short> samples)
    {
        if (samples.IsEmpty)
        {
            return -120;
        }

        double sum = 0;
        foreach (var s in samples)
        {
            sum += (double)s * s;
        }

        var rms = Math.Sqrt(sum / samples.Length) / 32768.0;
        return rms <= 1e-6 ? -120 : 20 * Math.Log10(rms);
    }

    public static int MillisecondsOf(int sampleCount) => (int)(sampleCount * 1000L / SampleRate);
}
