namespace Babelcast.Bench.Audio;

/// <summary>
/// Speech found in the audio itself: 20 ms frames whose RMS is within <see cref="ThresholdDb"/> of the clip's loudest
/// frame count as voiced. The harness's end of speech is the end of the last voiced frame, its onset the start of the
/// first; the server's own detector plays no part in it.
/// </summary>
public sealed class VoicedFrames
{
    public const int FrameSamples = 320;
    public const double ThresholdDb = -26;

    private VoicedFrames(bool[] voiced, double peakRms, double threshold)
    {
        Voiced = voiced;
        PeakRms = peakRms;
        Threshold = threshold;
    }

    /// <summary>One flag per 20 ms frame of the clip.</summary>
    public IReadOnlyList<bool> Voiced { get; }

    public double PeakRms { get; }

    public double Threshold { get; }

    public int FirstVoiced => Array.IndexOf((bool[])Voiced, true);

    public int LastVoiced => Array.LastIndexOf((bool[])Voiced, true);

    public static VoicedFrames Analyse(ReadOnlySpan<short> samples)
    {
        var count = (samples.Length + FrameSamples - 1) / FrameSamples;
        var rms = new double[count];
        for (var f = 0; f < count; f++)
        {
            var frame = samples.Slice(f * FrameSamples, Math.Min(FrameSamples, samples.Length - (f * FrameSamples)));
            double sum = 0;
            foreach (var s in frame)
            {
                sum += (double)s * s;
            }

            rms[f] = Math.Sqrt(sum / Math.Max(1, frame.Length));
        }

        var peak = rms.Length == 0 ? 0 : rms.Max();
        var threshold = peak * Math.Pow(10, ThresholdDb / 20);
        return new VoicedFrames(rms.Select(r => r > threshold && r > 0).ToArray(), peak, threshold);
    }
}
