namespace Babelcast.Core.Audio;

/// <summary>
/// Watches the speaker's 20 ms frames and reports clipping, too-quiet speech, low SNR and long silence, each at most
/// once per <see cref="AudioQualityOptions.RepeatInterval"/> of audio time. Not thread-safe (one per session).
/// </summary>
public sealed class AudioQualityMonitor(AudioQualityOptions options)
{
    private readonly List<double> _levels = [];
    private readonly Dictionary<AudioQualityIssue, long> _lastReportMs = [];
    private long _clipped;
    private long _samples;
    private long _audioMs;
    private long _silentMs;

    /// <summary>Adds one frame; returns the issues to report now (usually none).</summary>
    public IReadOnlyList<AudioQualityIssue> Add(ReadOnlySpan<short> frame, double levelDbfs)
    {
        var clipThreshold = (int)(options.ClipLevel * 32767);
        foreach (var s in frame)
        {
            if (s >= clipThreshold || s <= -clipThreshold)
            {
                _clipped++;
            }
        }

        _samples += frame.Length;
        var frameMs = Pcm.MillisecondsOf(frame.Length);
        _audioMs += frameMs;
        _levels.Add(levelDbfs);
        _silentMs = levelDbfs < options.SilenceDbfs ? _silentMs + frameMs : 0;

        List<AudioQualityIssue>? issues = null;
        if (_silentMs >= options.LongSilence.TotalMilliseconds)
        {
            Report(AudioQualityIssue.LongSilence, ref issues);
        }

        if (_levels.Count * frameMs >= options.Window.TotalMilliseconds)
        {
            EvaluateWindow(ref issues);
            _levels.Clear();
            _clipped = 0;
            _samples = 0;
        }

        return (IReadOnlyList<AudioQualityIssue>?)issues ?? [];
    }

    private void EvaluateWindow(ref List<AudioQualityIssue>? issues)
    {
        if (_samples > 0 && (double)_clipped / _samples > options.ClipFraction)
        {
            Report(AudioQualityIssue.Clipping, ref issues);
        }

        var sorted = _levels.Order().ToArray();
        var noise = sorted[sorted.Length / 10];
        var speech = sorted[sorted.Length * 9 / 10];
        if (speech < options.SilenceDbfs)
        {
            return;
        }

        if (speech < options.TooQuietDbfs)
        {
            Report(AudioQualityIssue.TooQuiet, ref issues);
        }
        else if (speech - noise < options.MinSnrDb && noise > options.SilenceDbfs - 15)
        {
            Report(AudioQualityIssue.LowSnr, ref issues);
        }
    }

    private void Report(AudioQualityIssue issue, ref List<AudioQualityIssue>? issues)
    {
        if (_lastReportMs.TryGetValue(issue, out var last) && _audioMs - last < options.RepeatInterval.TotalMilliseconds)
        {
            return;
        }

        _lastReportMs[issue] = _audioMs;
        (issues ??= []).Add(issue);
    }
}
