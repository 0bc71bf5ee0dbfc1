using Babelcast.Core.Audio;
using Babelcast.Testing;

namespace Babelcast.Core.Tests.Audio;

public sealed class AudioQualityMonitorTests
{
    [Fact]
    public void Add_ContinuousClipping_ReportsClippingOncePerRepeatInterval()
    {
        // 200 s of clipped audio: 5 s windows, reported at 5 s, then at most once per 60 s of audio.
        var reports = Run(new AudioQualityOptions(), _ => TestAudio.Clipped(0.02), seconds: 200);

        Assert.Equal([5000, 65000, 125000, 185000], At(reports, AudioQualityIssue.Clipping));
    }

    [Fact]
    public void Add_ShorterRepeatInterval_ReportsMoreOften()
    {
        var options = new AudioQualityOptions { RepeatInterval = TimeSpan.FromSeconds(10) };

        var reports = Run(options, _ => TestAudio.Clipped(0.02), seconds: 60);

        Assert.Equal([5000, 15000, 25000, 35000, 45000, 55000], At(reports, AudioQualityIssue.Clipping));
    }

    [Fact]
    public void Add_PeaksJustBelowClipLevel_DoNotReportClipping()
    {
        var loud = PcmStats.Tone(300, 1, 16000, 0.97);

        var reports = Run(new AudioQualityOptions(), s => loud.AsSpan((s % 50) * 320, 320).ToArray(), seconds: 30);

        Assert.Empty(At(reports, AudioQualityIssue.Clipping));
    }

    [Fact]
    public void Add_SpeechQuieterThanThreshold_ReportsTooQuietOncePerRepeatInterval()
    {
        // Syllables at -45 dBFS over a -70 dBFS room: audible but too quiet to recognise well.
        var reports = Run(new AudioQualityOptions(), Syllables(-45, -70), seconds: 130);

        Assert.Equal([5000, 65000, 125000], At(reports, AudioQualityIssue.TooQuiet));
        Assert.Empty(At(reports, AudioQualityIssue.LowSnr));
        Assert.Empty(At(reports, AudioQualityIssue.Clipping));
    }

    [Fact]
    public void Add_SpeechOverLoudNoise_ReportsLowSnrOncePerRepeatInterval()
    {
        // Syllables at -20 dBFS over -30 dBFS of noise: 10 dB SNR, below the 20 dB minimum.
        var reports = Run(new AudioQualityOptions(), Syllables(-20, -30), seconds: 130);

        Assert.Equal([5000, 65000, 125000], At(reports, AudioQualityIssue.LowSnr));
        Assert.Empty(At(reports, AudioQualityIssue.TooQuiet));
    }

    [Fact]
    public void Add_CleanSpeechInQuietRoom_ReportsNothing()
    {
        var reports = Run(new AudioQualityOptions(), Syllables(-20, -70), seconds: 130);

        Assert.Empty(reports);
    }

    [Fact]
    public void Add_RealSpeechClips_ReportNothing()
    {
        var monitor = new AudioQualityMonitor(new AudioQualityOptions());
        var issues = new List<AudioQualityIssue>();
        foreach (var (file, _) in TestData.RealClips())
        {
            foreach (var frame in TestAudio.Frames(Wav.Read16kMono(file)))
            {
                issues.AddRange(monitor.Add(frame, Pcm.LevelDbfs(frame)));
            }
        }

        Assert.Empty(issues);
    }

    [Fact]
    public void Add_LongDigitalSilence_ReportsLongSilenceAfter10sThenOncePerRepeatInterval()
    {
        var reports = Run(new AudioQualityOptions(), _ => new short[320], seconds: 131);

        Assert.Equal([10000, 70000, 130000], At(reports, AudioQualityIssue.LongSilence));
        Assert.Single(reports.Select(r => r.Issue).Distinct());
    }

    [Fact]
    public void Add_SilenceBrokenBySound_DoesNotReportLongSilence()
    {
        // 9.8 s of silence, then one audible frame, repeated: never 10 s of unbroken silence.
        var reports = Run(new AudioQualityOptions(), s => s % 490 == 489 ? TestAudio.Vowel(0.02, -20) : new short[320], seconds: 60);

        Assert.Empty(At(reports, AudioQualityIssue.LongSilence));
    }

    [Fact]
    public void Add_ReportedIssue_DoesNotSuppressOtherIssues()
    {
        // 15 s of silence (LongSilence at 10 s) then clipping: Clipping still reported within its first window.
        var reports = Run(new AudioQualityOptions(), s => s < 750 ? new short[320] : TestAudio.Clipped(0.02), seconds: 25);

        Assert.Equal([10000], At(reports, AudioQualityIssue.LongSilence));
        Assert.Equal([20000], At(reports, AudioQualityIssue.Clipping));
    }

    /// <summary>400 ms syllables at <paramref name="speechDbfs"/> and 600 ms pauses, all over noise at <paramref name="noiseDbfs"/>.</summary>
    private static Func<int, short[]> Syllables(double speechDbfs, double noiseDbfs)
    {
        var vowel = TestAudio.Vowel(0.02, speechDbfs);
        return frame =>
        {
            var noise = TestAudio.WhiteNoise(0.02, noiseDbfs, seed: frame);
            return frame % 50 < 20 ? TestAudio.Mix(vowel, noise) : noise;
        };
    }

    private static List<(int AtMs, AudioQualityIssue Issue)> Run(AudioQualityOptions options, Func<int, short[]> frame, int seconds)
    {
        var monitor = new AudioQualityMonitor(options);
        var reports = new List<(int, AudioQualityIssue)>();
        for (var i = 0; i < seconds * 50; i++)
        {
            var samples = frame(i);
            foreach (var issue in monitor.Add(samples, Pcm.LevelDbfs(samples)))
            {
                reports.Add(((i + 1) * 20, issue));
            }
        }

        return reports;
    }

    private static int[] At(List<(int AtMs, AudioQualityIssue Issue)> reports, AudioQualityIssue issue) =>
        [.. reports.Where(r => r.Issue == issue).Select(r => r.AtMs)];
}
