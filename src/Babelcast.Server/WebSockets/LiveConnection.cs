using System.Net.WebSockets;
using Babelcast.Core.Broadcasting;
using Babelcast.Core.Diagnostics;

namespace Babelcast.Server.WebSockets;

/// <summary>
/// One speaker or listener socket with its own bounded send queue, so that fan-out never waits for a socket. For
/// listeners it remembers the last final caption and audio seq it queued: a replay and the live stream can overlap
/// without anything being sent twice.
/// </summary>
/// <remarks>
/// There is no writer task parked per socket. Whoever queues a delivery on an idle connection writes it at once on its
/// own thread (the fan-out loop, usually): a write into the transport's buffer completes synchronously, so a message
/// reaches every listener of a language before the next message is started, with no thread-pool work item, task or
/// cancellation registration per listener. Only a write that has to wait (the peer reads slowly) continues
/// asynchronously, and meanwhile later deliveries queue up behind it within the bounds.
/// </remarks>
internal sealed partial class LiveConnection
{
    private const int MetricsBatch = 64;

    private readonly Queue<Delivery> _queue = new();
    private readonly int _capacity;
    private readonly long _maxBytes;
    private long _queuedBytes;
    private long _pendingBytes;
    private readonly Lock _gate = new();
    private readonly BabelcastMetrics _metrics;
    private readonly string _endpoint;
    private readonly List<Delivery> _pending = [];
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastFinalSeq;
    private long _lastAudioSeq;
    private int _closing;
    private int _ended;
    private bool _holding;
    private bool _completeAfterRelease;
    private bool _started;
    private bool _sending;
    private bool _completed;
    private bool _failed;
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
    }

    public Guid Id { get; } = Guid.NewGuid();

    /// <summary>The seq of the last caption this connection was given, so that a resync replays only what came after it.</summary>
    public long LastFinalSeq
    {
        get
        {
            lock (_gate)
            {
                return _lastFinalSeq;
            }
        }
    }

    public WebSocket Socket { get; }

    /// <summary>On a co-operator's control connection: the account it speaks for (a revocation closes exactly its connections).</summary>
    public string? UserId { get; init; }

    public string SessionId { get; }

    /// <summary>Listener language; changed only under the session runtime's lock.</summary>
    public string? Language { get; set; }

    /// <summary>
    /// False for a caption-only listener (<c>audio=false</c>, e.g. a projector view): it counts as a listener of its
    /// language, so the language is still translated, but no audio is queued for it, live or replayed.
    /// </summary>
    public bool WantsAudio { get; init; } = true;

    /// <summary>
    /// The transport under <see cref="Socket"/> when the endpoint has it: deliveries are then written to it already
    /// framed (<see cref="Delivery.Wire"/>), one write per delivery instead of a WebSocket send per frame.
    /// </summary>
    public WebSocketTransport? Transport { get; init; }

    /// <summary>Set when the queue overflowed; the endpoint closes the socket with SLOW_CONSUMER.</summary>
    public bool TooSlow { get; private set; }

    public bool Closing => Volatile.Read(ref _closing) != 0;

    /// <summary>Deliveries waiting behind the one being written (for tests and diagnostics).</summary>
    public int Queued
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

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

    /// <summary>
    /// Queues a delivery unless this connection already has it; false if the queue is full. On an idle, started
    /// connection the delivery is written before this returns (see the remarks on the class).
    /// </summary>
    public bool Enqueue(Delivery delivery)
    {
        bool pump;
        lock (_gate)
        {
            if (_holding)
            {
                // Held live messages obey the same limits as the queue: a replay that takes long cannot grow memory.
                if (_pending.Count >= _capacity || (_pending.Count > 0 && _pendingBytes + delivery.Bytes > _maxBytes))
                {
                    OverflowLocked();
                    return false;
                }

                _pending.Add(delivery);
                _pendingBytes += delivery.Bytes;
                return true;
            }

            if (!EnqueueLocked(delivery, live: true))
            {
                return false;
            }

            pump = ClaimWriterLocked();
        }

        if (pump)
        {
            _ = WriteQueuedAsync();
        }

        return true;
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
        bool pump;
        lock (_gate)
        {
            _holding = false;
            // The replay is bounded where it is built (MaxResumePhrases, SendQueueMaxBytes) and the held messages when
            // they were held; only new live deliveries are checked against the queue's limits.
            foreach (var d in replayed)
            {
                EnqueueLocked(d, live: false);
            }

            foreach (var d in _pending)
            {
                EnqueueLocked(d, live: false);
            }

            _pending.Clear();
            _pendingBytes = 0;
            if (_completeAfterRelease)
            {
                CompleteLocked();
            }

            pump = ClaimWriterLocked();
        }

        if (pump)
        {
            _ = WriteQueuedAsync();
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

            CompleteLocked();
        }
    }

    public void MarkClosing() => Interlocked.Exchange(ref _closing, 1);

    private bool EnqueueLocked(Delivery delivery, bool live)
    {
        switch (delivery.Kind)
        {
            case DeliveryKind.PartialCaption or DeliveryKind.FinalCaption when delivery.Seq <= _lastFinalSeq:
            case DeliveryKind.Audio when delivery.Seq <= _lastAudioSeq || !WantsAudio:
                return true;
        }

        if (_completed || _failed)
        {
            // Sending was completed on purpose (session ended, socket closing) or the socket failed: nothing more goes out.
            return true;
        }

        if (live && (_queue.Count >= _capacity || (_queue.Count > 0 && _queuedBytes + delivery.Bytes > _maxBytes)))
        {
            OverflowLocked();
            return false;
        }

        _queue.Enqueue(delivery);
        _queuedBytes += delivery.Bytes;
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

    private void OverflowLocked()
    {
        TooSlow = true;
        CompleteLocked();
    }

    private void CompleteLocked()
    {
        _completed = true;
        SignalIfDrainedLocked();
    }
}
