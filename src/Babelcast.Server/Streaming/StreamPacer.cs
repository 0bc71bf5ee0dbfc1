using System.Buffers;
using System.Threading.Channels;
using Babelcast.Core.Diagnostics;
using Babelcast.Core.Protocol;
using Babelcast.Core.Storage;
using Babelcast.Server.WebSockets;

namespace Babelcast.Server.Streaming;

/// <summary>
/// Turns one client's phrases into an endless MP3 byte stream paced to the wall clock: the stream is kept
/// <see cref="StreamOptions.Lead"/> ahead of real time with silent frames, a phrase is appended as soon as the audio
/// before it has (nearly) played, and its duration then counts as written, so silence resumes after it. The bytes go
/// to the client through a bounded buffer: a client that does not read is dropped, never waited for.
/// </summary>
internal sealed class StreamPacer(
    StreamSocket socket, SessionRuntime runtime, SilentFrames silence, StreamOptions options, BabelcastMetrics metrics, TimeProvider time)
{
    private readonly Channel<byte[]> _out = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly Queue<StreamPhrase> _waiting = new();
    private long _buffered;

    /// <summary>Seconds of audio written so far (the stream's clock).</summary>
    public double WrittenSeconds { get; private set; }

    public async Task<StreamOutcome> RunAsync(Stream body, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, socket.Aborted);
        var writer = WriteAsync(body, stop);
        var outcome = StreamOutcome.Gone;
        try
        {
            outcome = await PaceAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            // The client left, the server is stopping, or the hub dropped this listener.
        }
        finally
        {
            _out.Writer.TryComplete();
            if (outcome != StreamOutcome.Ended)
            {
                await stop.CancelAsync();
            }

            await writer;
        }

        return outcome;
    }

    private async Task<StreamOutcome> PaceAsync(CancellationToken ct)
    {
        var format = silence.Default;
        var silent = silence.For(format);
        var start = time.GetTimestamp();
        var lead = options.Lead.TotalSeconds;
        Task<bool>? arrival = null;
        var chunk = new ArrayBufferWriter<byte>(8192);
        while (true)
        {
            while (socket.Phrases.TryRead(out var mp3))
            {
                if (StreamPhrase.From(mp3) is { } phrase)
                {
                    _waiting.Enqueue(phrase);
                }
            }

            var ended = socket.Phrases.Completion.IsCompleted;
            if (runtime.Status == SessionStatus.Paused || runtime.Muted)
            {
                _waiting.Clear(); // Paused or muted: the listener hears silence, not a backlog when it ends.
            }

            var now = time.GetElapsedTime(start).TotalSeconds;
            SkipBacklog(now);
            chunk.ResetWrittenCount();
            while (WrittenSeconds < now + lead || (ended && _waiting.Count > 0))
            {
                if (_waiting.TryDequeue(out var phrase))
                {
                    if (phrase.Format != format)
                    {
                        (format, silent) = (phrase.Format, silence.For(phrase.Format));
                    }

                    chunk.Write(phrase.Frames.Span);
                    WrittenSeconds += phrase.Seconds;
                }
                else if (ended)
                {
                    break;
                }
                else
                {
                    chunk.Write(silent);
                    WrittenSeconds += format.FrameSeconds;
                }
            }

            if (chunk.WrittenCount > 0 && !TryQueue(chunk.WrittenSpan.ToArray()))
            {
                return StreamOutcome.TooSlow;
            }

            if (ended)
            {
                return StreamOutcome.Ended;
            }

            arrival ??= socket.Phrases.WaitToReadAsync(ct).AsTask();
            await Task.WhenAny(arrival, Task.Delay(options.TickInterval, time, ct));
            ct.ThrowIfCancellationRequested();
            if (arrival.IsCompleted)
            {
                arrival = null;
            }
        }
    }

    /// <summary>Phrases coming faster than they play wait, up to MaxBacklog of speech ahead of now; then the oldest go.</summary>
    private void SkipBacklog(double now)
    {
        var ahead = Math.Max(0, WrittenSeconds - now) + _waiting.Sum(p => p.Seconds);
        while (_waiting.Count > 1 && ahead > options.MaxBacklog.TotalSeconds)
        {
            ahead -= _waiting.Dequeue().Seconds;
            metrics.Error(ErrorCodes.StreamPhraseSkipped);
        }
    }

    private bool TryQueue(byte[] bytes)
    {
        // One chunk larger than the bound (a long phrase) may go when nothing is waiting.
        var buffered = Interlocked.Read(ref _buffered);
        if (buffered > 0 && buffered + bytes.Length > options.MaxBufferedBytes)
        {
            return false;
        }

        Interlocked.Add(ref _buffered, bytes.Length);
        _out.Writer.TryWrite(bytes);
        return true;
    }

    private async Task WriteAsync(Stream body, CancellationTokenSource stop)
    {
        try
        {
            await foreach (var bytes in _out.Reader.ReadAllAsync(stop.Token))
            {
                await body.WriteAsync(bytes, stop.Token);
                await body.FlushAsync(stop.Token);
                Interlocked.Add(ref _buffered, -bytes.Length);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The client is gone: stop pacing too.
            await stop.CancelAsync();
        }
    }
}
