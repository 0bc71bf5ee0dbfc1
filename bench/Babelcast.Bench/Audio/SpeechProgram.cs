namespace Babelcast.Bench.Audio;

/// <summary>
/// What one speaker says: a lead-in of near-silence, then each clip followed by a natural pause. Clips are padded to
/// whole 20 ms frames so that the analysis frames line up with the stream. Silence carries a faint deterministic
/// noise floor (about -66 dBFS), as a real microphone does.
/// </summary>
public sealed class SpeechProgram
{
    public const int SampleRate = 16000;

    private SpeechProgram(short[] samples, IReadOnlyList<ClipMark> clips, int warmupClips, IReadOnlyList<double> gapSeconds)
    {
        Samples = samples;
        Clips = clips;
        WarmupClips = warmupClips;
        GapSeconds = gapSeconds;
    }

    public short[] Samples { get; }

    /// <summary>Every clip, warm-up clips first.</summary>
    public IReadOnlyList<ClipMark> Clips { get; }

    public int WarmupClips { get; }

    public IEnumerable<ClipMark> MeasuredClips => Clips.Skip(WarmupClips);

    public double DurationSeconds => Samples.Length / (double)SampleRate;

    /// <summary>The near-silence after each clip, in seconds (whole 20 ms frames), in order.</summary>
    public IReadOnlyList<double> GapSeconds { get; }

    public static SpeechProgram Build(IReadOnlyList<(string File, string Reference)> warmup, IReadOnlyList<(string File, string Reference)> clips, GapPlan gaps, TimeSpan leadIn)
    {
        var samples = new List<short>();
        var marks = new List<ClipMark>();
        var gapSeconds = new List<double>();
        var noise = new Random(1234);
        AddSilence(samples, leadIn, noise);
        var all = warmup.Concat(clips).ToList();
        foreach (var (file, reference) in all)
        {
            var audio = WavFile.Read16kMono(file);
            var padded = (audio.Length + VoicedFrames.FrameSamples - 1) / VoicedFrames.FrameSamples * VoicedFrames.FrameSamples;
            var clip = new short[padded];
            audio.CopyTo(clip, 0);
            marks.Add(new ClipMark(marks.Count, Path.GetFileName(file), reference, samples.Count, padded, VoicedFrames.Analyse(clip)));
            samples.AddRange(clip);
            gapSeconds.Add(AddSilence(samples, marks.Count < all.Count ? gaps.Next() : gaps.Trailing, noise));
        }

        return new SpeechProgram(samples.ToArray(), marks, warmup.Count, gapSeconds);
    }

    /// <summary>The clip whose stream window (from its start to the next clip's start) contains <paramref name="sample"/>.</summary>
    public ClipMark? ClipAt(int sample)
    {
        ClipMark? found = null;
        foreach (var clip in Clips)
        {
            if (clip.StartSample <= sample)
            {
                found = clip;
            }
        }

        return found;
    }

    private static double AddSilence(List<short> samples, TimeSpan duration, Random noise)
    {
        var n = (int)(duration.TotalSeconds * SampleRate) / VoicedFrames.FrameSamples * VoicedFrames.FrameSamples;
        for (var i = 0; i < n; i++)
        {
            samples.Add((short)noise.Next(-27, 28));
        }

        return n / (double)SampleRate;
    }
}
