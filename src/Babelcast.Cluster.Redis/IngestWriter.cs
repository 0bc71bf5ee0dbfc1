using System.Threading.Channels;
using Babelcast.Core.Ingest;

namespace Babelcast.Cluster.Redis;

/// <summary>
/// This node's writes into one session's ingest stream. <see cref="IAudioIngest.TryWrite"/> must not block, so items
/// queue here and one pump appends them in order. Each item gets this writer's next sequence number; the reader (on
/// any node) reports the last number it took, so the session's capacity counts exactly what this writer wrote that the
/// reader has not taken yet, wherever it waits.
/// </summary>
internal sealed class IngestWriter(int capacity)
{
    private readonly Lock _gate = new();
    private long _written;
    private long _consumed;

    /// <summary>Seqs above <see cref="_consumed"/> that the append dropped (a speaker frame appended already): never read, never waiting.</summary>
    private readonly Queue<long> _dropped = new();

    public Channel<(long Seq, IngestItem? Item)> Outbox { get; } =
        Channel.CreateUnbounded<(long, IngestItem?)>(new UnboundedChannelOptions { SingleReader = true });

    public bool Completed { get; private set; }

    public Task? Pump { get; set; }

    public IngestWriteResult TryWrite(IngestItem item)
    {
        lock (_gate)
        {
            if (Completed)
            {
                return IngestWriteResult.Closed;
            }

            if (_written - _consumed - _dropped.Count >= capacity)
            {
                return IngestWriteResult.Full;
            }

            Outbox.Writer.TryWrite((++_written, item));
            return IngestWriteResult.Accepted;
        }
    }

    /// <summary>Queues the end-of-log marker (null) behind everything already accepted.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            if (Completed)
            {
                return;
            }

            Completed = true;
            Outbox.Writer.TryWrite((0, null));
            Outbox.Writer.TryComplete();
        }
    }

    /// <summary>Another node completed the session: nothing more will be read, so nothing more is accepted.</summary>
    public void ClosedElsewhere()
    {
        lock (_gate)
        {
            Completed = true;
            Outbox.Writer.TryComplete();
        }
    }

    /// <summary>The reader took every item of this writer up to <paramref name="seq"/>.</summary>
    public void Consumed(long seq)
    {
        lock (_gate)
        {
            _consumed = Math.Max(_consumed, seq);
            while (_dropped.TryPeek(out var dropped) && dropped <= _consumed)
            {
                _dropped.Dequeue();
            }
        }
    }

    /// <summary>The append of item <paramref name="seq"/> found it a duplicate: the reader will never report it taken.</summary>
    public void Dropped(long seq)
    {
        lock (_gate)
        {
            if (seq > _consumed)
            {
                _dropped.Enqueue(seq);
            }
        }
    }
}
