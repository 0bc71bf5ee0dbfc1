using System.Net.WebSockets;
using System.Threading.Channels;
using Babelcast.Core.Broadcasting;
using Babelcast.Core.Diagnostics;

namespace Babelcast.Server.WebSockets;

/// <summary>
/// One speaker or listener socket with its own bounded send queue and writer loop, so that fan-out never waits for
/// a socket. For listeners it remembers the last final caption and audio seq it queued: a replay and the live stream
/// can overlap without anything being sent twice.
/// </summary>
internal sealed class LiveConnection
{
    private readonly Channel<Delivery> _queue;
    private readonly int _capacity;
    private readonly long _maxBytes;
    private int _queued;
    private long _queuedBytes;
    private long _pendingBytes;
    private readonly Lock _gate = new();
    private readonly BabelcastMetrics _metrics;
    private readonly string _endpoint;
    private readonly List<Delivery> _pending = [];
    private long _lastFinalSeq;
    private long _lastAudioSeq;
    private int _closing;
    private int _ended;
    private bool _holding;
    private bool _completeAfterRelease;
    private volatile bool _closeWhenDrained;

    public LiveConnection(WebSocket socket, string sessionId, string? language, int capacity, long maxBytes, BabelcastMetrics metrics, string endpoint)
    {
        Socket = socket;
        SessionId = sessionId;
        Language = language;
        _metrics = metrics;
        _endpoint = endpoint;
        _capacity = capacity;
        _maxBytes = maxBytes;
        _queue = Channel.CreateUnbounded<Delivery>(new UnboundedChannelOptions { SingleReader = true });
    }

    public Guid Id { get; } = Guid.NewGuid();

    public WebSocket Socket { get; }

    public string SessionId { get; }

    /// <summary>Listener language; changed only under the session runtime's lock.</summary>
    public string? Language { get; set; }

    /// <summary>
    /// False for a caption-only listener (<c>audio=false</c>, e.g. a projector view): it counts as a listener of its
    /// language, so the language is still translated, but no audio is queued for it, live or replayed.
    /// </summary>
    public bool WantsAudio { get; init; } = true;

    /// <summary>Set when the queue overflowed; the endpoint closes the socket with SLOW_CONSUMER.</summary>
    public bool TooSlow { get; private set; }

    public bool Closing => Volatile.Read(ref _closing) != 0;

    /// <summary>
    /// Aborts the HTTP connection under the socket. <see cref="WebSocket.Abort"/> alone does not always end a receive
    /// that is waiting on a peer that stopped reading, and then the connection would stay registered (and counted).
    /// </summary>
    public Action? AbortTransport { get; init; }

    /// <summary>Drops the connection at once; its receive loop ends and unregisters it.</summary>
    public void Abort()
    {
        Socket.Abort();
        AbortTransport?.Invoke();
    }

    /// <summary>Queues a message; a connection whose queue overflows is aborted (its client reconnects).</summary>
    public void Send(OutboundFrame frame)
    {
        if (!Enqueue(Delivery.Control(frame)))
        {
            Abort();
        }
    }

    /// <summary>Queues a delivery unless this connection already has it; false if the queue is full.</summary>
    public bool Enqueue(Delivery delivery)
    {
        lock (_gate)
        {
            if (_holding)
            {
                // Held live messages obey the same limits as the queue: a replay that takes long cannot grow memory.
                var size = delivery.Frames.Sum(f => (long)f.Payload.Length);
                if (_pending.Count >= _capacity || (_pending.Count > 0 && _pendingBytes + size > _maxBytes))
                {
                    TooSlow = true;
                    _queue.Writer.TryComplete();
                    return false;
                }

                _pending.Add(delivery);
                _pendingBytes += size;
                return true;
            }

            return EnqueueCore(delivery, live: true);
        }
    }

    /// <summary>Holds live deliveries back until <see cref="ReleaseAfterReplay"/>, so that a replay goes first.</summary>
    public void HoldForReplay()
    {
        lock (_gate)
        {
            _holding = true;
        }
    }

    /// <summary>Queues the replayed deliveries, then whatever arrived live meanwhile, skipping what was already queued.</summary>
    public void ReleaseAfterReplay(IReadOnlyList<Delivery> replayed)
    {
        lock (_gate)
        {
            _holding = false;
            // The replay is bounded where it is built (MaxResumePhrases, SendQueueMaxBytes) and the held messages when
            // they were held; only new live deliveries are checked against the queue's limits.
            foreach (var d in replayed)
            {
                EnqueueCore(d, live: false);
            }

            foreach (var d in _pending)
            {
                EnqueueCore(d, live: false);
            }

            _pending.Clear();
            _pendingBytes = 0;
            if (_completeAfterRelease)
            {
                _queue.Writer.TryComplete();
            }
        }
    }

    private bool EnqueueCore(Delivery delivery, bool live)
    {
        {
            switch (delivery.Kind)
            {
                case DeliveryKind.PartialCaption or DeliveryKind.FinalCaption when delivery.Seq <= _lastFinalSeq:
                case DeliveryKind.Audio when delivery.Seq <= _lastAudioSeq || !WantsAudio:
                    return true;
            }

            var size = delivery.Frames.Sum(f => (long)f.Payload.Length);
            var queued = Volatile.Read(ref _queued);
            if (live && (queued >= _capacity || (queued > 0 && Interlocked.Read(ref _queuedBytes) + size > _maxBytes)))
            {
                TooSlow = true;
                _queue.Writer.TryComplete();
                return false;
            }

            if (!_queue.Writer.TryWrite(delivery))
            {
                return true; // Sending was completed on purpose (session ended, socket closing): nothing more goes out.
            }

            Interlocked.Increment(ref _queued);
            Interlocked.Add(ref _queuedBytes, size);

            if (delivery.Kind == DeliveryKind.FinalCaption)
            {
                _lastFinalSeq = delivery.Seq;
            }
            else if (delivery.Kind == DeliveryKind.Audio)
            {
                _lastAudioSeq = delivery.Seq;
            }

            return true;
        }
    }

    /// <summary>
    /// Queues <c>sessionEnded</c> and closes after it, once per connection: the end of a session and a join that
    /// finds it ended after registering may both try.
    /// </summary>
    public void EndSession(OutboundFrame ended)
    {
        if (Interlocked.Exchange(ref _ended, 1) == 0)
        {
            Send(ended);
            CloseAfterSending();
        }
    }

    /// <summary>Sends what is queued, then closes the socket (the session ended).</summary>
    public void CloseAfterSending()
    {
        _closeWhenDrained = true;
        CompleteSending();
    }

    /// <summary>No more messages after the ones queued (sessionEnded, an error before close).</summary>
    public void CompleteSending()
    {
        lock (_gate)
        {
            // While a replay is being prepared the last messages wait in the pending list; complete after them.
            if (_holding)
            {
                _completeAfterRelease = true;
                return;
            }

            _queue.Writer.TryComplete();
        }
    }

    public void MarkClosing() => Interlocked.Exchange(ref _closing, 1);

    /// <summary>Writes queued deliveries until the queue completes or the socket fails.</summary>
    public async Task WriteLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var delivery in _queue.Reader.ReadAllAsync(cancellationToken))
            {
                Interlocked.Decrement(ref _queued);
                Interlocked.Add(ref _queuedBytes, -delivery.Frames.Sum(f => (long)f.Payload.Length));
                foreach (var frame in delivery.Frames)
                {
                    await Socket.SendAsync(frame.Payload, frame.IsBinary ? WebSocketMessageType.Binary : WebSocketMessageType.Text, true, cancellationToken);
                    _metrics.MessageSent(_endpoint);
                }
            }

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
}
