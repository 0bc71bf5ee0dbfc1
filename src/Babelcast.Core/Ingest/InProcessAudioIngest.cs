using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Babelcast.Core.Ingest;

/// <summary>The embedded ingest: one bounded single-reader channel per session.</summary>
public sealed class InProcessAudioIngest(IOptions<IngestOptions> options) : IAudioIngest
{
    private readonly ConcurrentDictionary<string, Log> _logs = new(StringComparer.Ordinal);

    public IngestWriteResult TryWrite(string sessionId, IngestItem item)
    {
        var log = Get(sessionId);
        if (item.ClientSeq <= 0)
        {
            return Write(log, item);
        }

        // Two connections of the speaker (the old one still draining, the new one resending) must not both append a frame.
        lock (log.Gate)
        {
            if (item.ClientSeq <= log.LastClientSeq)
            {
                return IngestWriteResult.Duplicate;
            }

            var result = Write(log, item);
            if (result == IngestWriteResult.Accepted)
            {
                log.LastClientSeq = item.ClientSeq;
            }

            return result;
        }
    }

    public ValueTask<long> LastClientSeqAsync(string sessionId, CancellationToken cancellationToken)
    {
        if (!_logs.TryGetValue(sessionId, out var log))
        {
            return ValueTask.FromResult(0L);
        }

        lock (log.Gate)
        {
            return ValueTask.FromResult(log.LastClientSeq);
        }
    }

    public async IAsyncEnumerable<IngestItem> ReadAllAsync(string sessionId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = Get(sessionId).Channel.Reader;
        while (await reader.WaitToReadAsync(cancellationToken))
        {
            while (reader.TryRead(out var item))
            {
                yield return item;
            }
        }
    }

    public void Complete(string sessionId)
    {
        var log = Get(sessionId);
        log.Completed = true;
        log.Channel.Writer.TryComplete();
    }

    public void Remove(string sessionId) => _logs.TryRemove(sessionId, out _);

    private static IngestWriteResult Write(Log log, IngestItem item)
    {
        if (log.Channel.Writer.TryWrite(item))
        {
            return IngestWriteResult.Accepted;
        }

        return log.Completed ? IngestWriteResult.Closed : IngestWriteResult.Full;
    }

    private Log Get(string sessionId) => _logs.GetOrAdd(sessionId, _ => new Log(options.Value.QueueCapacity));

    private sealed class Log(int capacity)
    {
        public Channel<IngestItem> Channel { get; } = System.Threading.Channels.Channel.CreateBounded<IngestItem>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });

        public volatile bool Completed;

        public Lock Gate { get; } = new();

        /// <summary>Guarded by <see cref="Gate"/>.</summary>
        public long LastClientSeq { get; set; }
    }
}
