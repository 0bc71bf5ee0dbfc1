using System.Net.WebSockets;
using Babelcast.Core.Broadcasting;

namespace Babelcast.Server.WebSockets;

/// <summary>The writing half: whoever finds the connection idle with something queued writes the queue.</summary>
internal sealed partial class LiveConnection
{
    /// <summary>
    /// Starts writing (what was queued before, then every delivery as it comes) and completes once sending was
    /// completed and everything queued is written, or the socket failed; then closes if the session ended.
    /// </summary>
    public async Task WriteLoopAsync(CancellationToken cancellationToken)
    {
        bool pump;
        lock (_gate)
        {
            _started = true;
            pump = ClaimWriterLocked();
            SignalIfDrainedLocked();
        }

        if (pump)
        {
            _ = WriteQueuedAsync();
        }

        try
        {
            await _drained.Task.WaitAsync(cancellationToken);
            if (_closeWhenDrained && Socket.State == WebSocketState.Open)
            {
                await Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "session ended", cancellationToken);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer went away; the receive loop notices and cleans up.
        }
    }

    /// <summary>True if the caller is to write the queue: the writer was started, is idle and has something to write.</summary>
    private bool ClaimWriterLocked()
    {
        if (!_started || _sending || _failed || _queue.Count == 0)
        {
            return false;
        }

        _sending = true;
        return true;
    }

    private void SignalIfDrainedLocked()
    {
        if (_started && !_sending && (_failed || (_completed && _queue.Count == 0)))
        {
            _drained.TrySetResult();
        }
    }

    /// <summary>
    /// Writes queued deliveries until the queue is empty. Writes complete synchronously unless the transport's buffer
    /// is full, and then nothing is allocated: the token is not cancellable on purpose, because a cancellable token
    /// sends every frame down the WebSocket's asynchronous path (a state machine and a registration per frame). A
    /// stuck write ends when the connection is aborted (too slow, gone, server stopping).
    /// </summary>
    private async Task WriteQueuedAsync()
    {
        var sent = 0;
        try
        {
            while (TakeNext() is { } delivery)
            {
                var frames = delivery.Frames;
                if (Transport is { } transport)
                {
                    // The WebSocket refuses to send once a close went out; bytes written past it would break the protocol.
                    if (Socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
                    {
                        Fail();
                        return;
                    }

                    await transport.WriteAsync(delivery.Wire, CancellationToken.None);
                }
                else
                {
                    for (var i = 0; i < frames.Count; i++)
                    {
                        var frame = frames[i];
                        await Socket.SendAsync(frame.Payload, frame.IsBinary ? WebSocketMessageType.Binary : WebSocketMessageType.Text, true, CancellationToken.None);
                    }
                }

                sent += frames.Count;
                if (sent >= MetricsBatch)
                {
                    _metrics.MessagesSent(_endpoint, sent);
                    sent = 0;
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException or InvalidOperationException)
        {
            // The peer went away; the receive loop notices and cleans up.
            Fail();
        }
        finally
        {
            // One measurement per drain (usually one delivery), not per frame: this runs once per listener per message.
            if (sent > 0)
            {
                _metrics.MessagesSent(_endpoint, sent);
            }
        }
    }

    private void Fail()
    {
        lock (_gate)
        {
            _failed = true;
            _sending = false;
            _queue.Clear();
            _queuedBytes = 0;
            SignalIfDrainedLocked();
        }
    }

    private Delivery? TakeNext()
    {
        lock (_gate)
        {
            if (_failed || !_queue.TryDequeue(out var delivery))
            {
                _sending = false;
                SignalIfDrainedLocked();
                return null;
            }

            _queuedBytes -= delivery.Bytes;
            return delivery;
        }
    }
}
