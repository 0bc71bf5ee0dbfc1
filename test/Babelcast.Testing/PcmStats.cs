namespace Babelcast.Testing;

/// <summary>Simple measurements of PCM16 audio for assertions.</summary>
public static class PcmStats
{
    /// <summary>Root mean square on the 16-bit scale (0 = silence, about 23,170 for a full-scale sine).</summary>
    public static double Rms(ReadOnlySpan<short> samples)
    {
        if (samples.IsEmpty)
        {
            return 0;
        }

        double sum = 0;
        foreach (var s in samples)
        {
            sum += (double)s * s;
        }

        return Math.Sqrt(sum / samples.Length);
    }

    /// <summary>A sine tone at the given amplitude (0-1 of full scale).</summary>
    public static short[] Tone(double frequency, double seconds, int sampleRate, double amplitude = 0.5)
    {
        var samples = new short[(int)Math.Round(seconds * sampleRate)];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)Math.Round(amplitude * short.MaxValue * Math.Sin(2 * Math.PI * frequency * i / sampleRate));
        }

        return samples;
    }
}
