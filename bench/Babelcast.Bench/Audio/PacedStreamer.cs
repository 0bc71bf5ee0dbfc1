using System.Diagnostics;
using System.Net.WebSockets;
using Babelcast.Bench.Clients;

namespace Babelcast.Bench.Audio;

/// <summary>
/// Streams a program as binary PCM frames at real-time pace on an absolute schedule (a late frame is sent at once,
/// never skipped) and records when each frame left, so that a sample's wall-clock time is known even if the client
/// fell behind.
/// </summary>
public sealed class PacedStreamer(SpeakerClient socket, SpeechProgram program, int frameMs)
{
    private readonly int _frameSamples = SpeechProgram.SampleRate / 1000 * frameMs;
    private long[] _sentAt = [];

    /// <summary>Stopwatch timestamp when streaming began.</summary>
    public long StartedAt { get; private set; }

    public int FramesSent { get; private set; }

    /// <summary>Largest amount by which a frame left later than its schedule.</summary>
    public TimeSpan MaxLateness { get; private set; }

    public async Task StreamAsync(CancellationToken cancellationToken)
    {
        var samples = program.Samples;
        var frames = (samples.Length + _frameSamples - 1) / _frameSamples;
        _sentAt = new long[frames];
        StartedAt = Stopwatch.GetTimestamp();
        for (var f = 0; f < frames; f++)
        {
            var offset = f * _frameSamples;
            var n = Math.Min(_frameSamples, samples.Length - offset);
            await socket.SendAsync(WavFile.ToBytes(samples.AsSpan(offset, n)), WebSocketMessageType.Binary, cancellationToken);
            var now = Stopwatch.GetTimestamp();
            _sentAt[f] = now;
            FramesSent = f + 1;
            var due = TimeSpan.FromSeconds((offset + n) / (double)SpeechProgram.SampleRate);
            var elapsed = Stopwatch.GetElapsedTime(StartedAt, now);
            if (elapsed - due > MaxLateness)
            {
                MaxLateness = elapsed - due;
            }

            if (due > elapsed)
            {
                await Task.Delay(due - elapsed, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Stopwatch timestamp at which <paramref name="sample"/> was spoken: the time its frame left minus the audio that
    /// followed it in that frame (the browser also buffers a frame before sending).
    /// </summary>
    public long TimestampOfSample(int sample)
    {
        var f = Math.Clamp(sample / _frameSamples, 0, _sentAt.Length - 1);
        var frameEnd = Math.Min((f + 1) * _frameSamples, program.Samples.Length);
        var after = TimeSpan.FromSeconds((frameEnd - sample) / (double)SpeechProgram.SampleRate);
        return _sentAt[f] - (long)(after.TotalSeconds * Stopwatch.Frequency);
    }

    public bool WasSent(int sample) => sample / _frameSamples < FramesSent;
}
