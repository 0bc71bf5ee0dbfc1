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
        if (log.Channel.Writer.TryWrite(item))
        {
            return IngestWriteResult.Accepted;
        }

        return log.Completed ? IngestWriteResult.Closed : IngestWriteResult.Full;
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
    }
}
