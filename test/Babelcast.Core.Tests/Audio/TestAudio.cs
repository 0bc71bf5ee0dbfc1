namespace Babelcast.Core.Tests.Audio;

/// <summary>Synthetic 16 kHz signals with known levels, seeded so that every run hears the same audio.</summary>
internal static class TestAudio
{
    public const int Rate = 16000;

    public static short[] Silence(double seconds) => new short[Samples(seconds)];

    /// <summary>Gaussian white noise whose RMS level is <paramref name="dbfs"/>.</summary>
    public static short[] WhiteNoise(double seconds, double dbfs, int seed = 1)
    {
        var random = new Random(seed);
        var sigma = 32768 * Math.Pow(10, dbfs / 20);
        var samples = new short[Samples(seconds)];
        for (var i = 0; i < samples.Length; i++)
        {
            // Box-Muller: two uniforms give one standard normal value.
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            var normal = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            samples[i] = Clamp(normal * sigma);
        }

        return samples;
    }

    /// <summary>A voiced, syllable-like sound: a 150 Hz buzz with a few harmonics, RMS level about <paramref name="dbfs"/>.</summary>
    public static short[] Vowel(double seconds, double dbfs)
    {
        var samples = new short[Samples(seconds)];
        double[] harmonics = [1.0, 0.6, 0.4, 0.25];
        var norm = Math.Sqrt(harmonics.Sum(h => h * h) / 2);
        var amplitude = 32768 * Math.Pow(10, dbfs / 20) / norm;
        for (var i = 0; i < samples.Length; i++)
        {
            var t = (double)i / Rate;
            var v = 0.0;
            for (var h = 0; h < harmonics.Length; h++)
            {
                v += harmonics[h] * Math.Sin(2 * Math.PI * 150 * (h + 1) * t);
            }

            samples[i] = Clamp(v * amplitude);
        }

        return samples;
    }

    /// <summary>A full-scale square wave: every sample clipped.</summary>
    public static short[] Clipped(double seconds)
    {
        var samples = new short[Samples(seconds)];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (i / 40 % 2 == 0) ? short.MaxValue : short.MinValue;
        }

        return samples;
    }

    public static short[] Concat(params short[][] parts) => [.. parts.SelectMany(p => p)];

    /// <summary>Adds <paramref name="b"/> onto <paramref name="a"/> sample by sample (lengths must match).</summary>
    public static short[] Mix(short[] a, short[] b) => [.. a.Zip(b, (x, y) => Clamp(x + y))];

    public static IEnumerable<short[]> Frames(short[] samples, int frameSamples = 320)
    {
        for (var i = 0; i + frameSamples <= samples.Length; i += frameSamples)
        {
            yield return samples[i..(i + frameSamples)];
        }
    }

    private static int Samples(double seconds) => (int)Math.Round(seconds * Rate);

    private static short Clamp(double v) => (short)Math.Clamp(Math.Round(v), short.MinValue, short.MaxValue);
}
