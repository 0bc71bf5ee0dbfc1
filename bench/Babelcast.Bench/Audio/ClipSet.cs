namespace Babelcast.Bench.Audio;

/// <summary>
/// Which real clips a run speaks: a short warm-up clip (loads the recogniser, JIT, translators; not measured), then
/// the clips of test/data/speech in transcripts.tsv order; a smoke run takes the shortest ones.
/// </summary>
public static class ClipSet
{
    public const string WarmupClip = "goforward.wav";

    public static (IReadOnlyList<(string File, string Reference)> Warmup, IReadOnlyList<(string File, string Reference)> Clips) For(BenchOptions options, int rotate = 0)
    {
        var all = SpeechClips.Real();
        var warmup = all.Where(c => Path.GetFileName(c.File) == WarmupClip).ToList();
        var clips = all;
        if (options.Smoke)
        {
            clips = all.Where(c => Path.GetFileName(c.File) != WarmupClip)
                .OrderBy(c => new FileInfo(c.File).Length).Take(Math.Max(1, options.Clips)).ToList();
        }
        else if (options.Clips > 0)
        {
            clips = all.Take(options.Clips).ToList();
        }

        if (rotate > 0 && clips.Count > 0)
        {
            var r = rotate % clips.Count;
            clips = clips.Skip(r).Concat(clips.Take(r)).ToList();
        }

        return (warmup, clips);
    }

    /// <summary>The measured clips with the chosen gaps (<see cref="GapPlan.For"/>), after a one-second lead-in.</summary>
    public static SpeechProgram Program(BenchOptions options, int rotate = 0) =>
        SpeechProgram.Build([], For(options, rotate).Clips, GapPlan.For(options), TimeSpan.FromSeconds(1));

    /// <summary>The warm-up clip alone, streamed (and waited for) before any measurement.</summary>
    public static SpeechProgram Warmup(BenchOptions options) =>
        SpeechProgram.Build(For(options).Warmup, [], GapPlan.Fixed(TimeSpan.FromSeconds(options.PauseSeconds)), TimeSpan.FromSeconds(0.5));
}
