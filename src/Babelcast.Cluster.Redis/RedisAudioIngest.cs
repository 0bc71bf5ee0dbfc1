using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Babelcast.Core.Cluster;
using Babelcast.Core.Ingest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Babelcast.Cluster.Redis;

/// <summary>
/// Ingest on Redis Streams: any node appends a session's frames to the session's stream, in order; the node that owns
/// the session's pipeline reads them from the last committed checkpoint, so a new owner recognises the phrase in
/// progress again from its start. Appends publish a wake-up so that the reader does not poll.
/// </summary>
public sealed class RedisAudioIngest : IAudioIngest, IAsyncDisposable
{
    private static readonly TimeSpan MaxRetry = TimeSpan.FromSeconds(1);
    private readonly RedisConnection _connection;
    private readonly RedisClusterOptions _options;
    private readonly int _capacity;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RedisKeys _keys;
    private readonly ConcurrentDictionary<string, IngestWriter> _writers = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lazy<Task> _consumedSubscription;
    private int _disposed;

    /// <summary>Names this instance's writers in the stream, so that the reader's progress reports reach the right one.</summary>
    private readonly string _writerId = Guid.NewGuid().ToString("N");

    public RedisAudioIngest(
        RedisConnection connection,
        IOptions<RedisClusterOptions> options,
        IOptions<IngestOptions> ingestOptions,
        TimeProvider time,
        ILogger<RedisAudioIngest> logger)
    {
        _connection = connection;
        _options = options.Value;
        _capacity = ingestOptions.Value.QueueCapacity;
        _time = time;
        _logger = logger;
        _keys = new RedisKeys(_options.KeyPrefix);
        _consumedSubscription = new Lazy<Task>(SubscribeConsumedAsync);
    }

    public IngestWriteResult TryWrite(string sessionId, IngestItem item) => Writer(sessionId).TryWrite(item);

    public void Complete(string sessionId) => Writer(sessionId).Complete();

    public async ValueTask<long> LastClientSeqAsync(string sessionId, CancellationToken cancellationToken)
    {
        var database = await _connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        var value = await database.HashGetAsync(_keys.IngestWriters(sessionId), IngestScripts.ClientSeqField).WaitAsync(cancellationToken).ConfigureAwait(false);
        return value.IsNull ? 0 : (long)value;
    }

    /// <summary>
    /// Drops this node's writer of a completed log but leaves the log in Redis, for a reader on another node that has not
    /// finished it yet (it deletes the log when it has).
    /// </summary>
    public void Forget(string sessionId)
    {
        if (_writers.TryRemove(sessionId, out var writer))
        {
            writer.Complete();
        }
    }

    public void Remove(string sessionId)
    {
        if (_writers.TryRemove(sessionId, out var writer))
        {
            writer.Complete();
        }

        _ = DeleteAsync(sessionId);
    }

    public async IAsyncEnumerable<IngestItem> ReadAllAsync(string sessionId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var subscriber = await _connection.GetSubscriberAsync(cancellationToken).ConfigureAwait(false);
        var wake = new WakeSignal();
        var channel = _keys.IngestWake(sessionId);
        // Subscribed before the first read, so that an append between the read and the wait still wakes the reader.
        await subscriber.SubscribeAsync(channel, (_, _) => wake.Set()).WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var database = await _connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
            var position = await StartPositionAsync(database, sessionId, cancellationToken).ConfigureAwait(false);
            Log.IngestReadStarted(_logger, sessionId, position.ToString());
            var failures = 0;
            while (true)
            {
                StreamEntry[] batch;
                try
                {
                    batch = await database.StreamReadAsync(_keys.Ingest(sessionId), position, count: 256).WaitAsync(cancellationToken).ConfigureAwait(false);
                    failures = 0;
                }
                catch (Exception ex) when (ex is RedisException or TimeoutException)
                {
                    var retry = Backoff(++failures);
                    Log.IngestReadFailed(_logger, sessionId, (long)retry.TotalMilliseconds, ex);
                    await Task.Delay(retry, _time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (batch.Length == 0)
                {
                    await wake.WaitAsync(_options.IngestPollInterval, _time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var taken = new Dictionary<string, long>(StringComparer.Ordinal);
                foreach (var entry in batch)
                {
                    position = entry.Id;
                    var (writer, seq, item) = IngestEntry.Parse(entry, _time);
                    if (item is not { } next)
                    {
                        Consumed(sessionId, taken, subscriber);
                        yield break;
                    }

                    // Taken once handed over: a writer in this process frees the slot before the consumer even looks.
                    taken[writer] = seq;
                    if (writer == _writerId && _writers.TryGetValue(sessionId, out var local))
                    {
                        local.Consumed(seq);
                    }

                    yield return next;
                }

                Consumed(sessionId, taken, subscriber);
            }
        }
        finally
        {
            await subscriber.UnsubscribeAsync(channel).ConfigureAwait(false);
        }
    }

    private async Task<RedisValue> StartPositionAsync(IDatabase database, string sessionId, CancellationToken cancellationToken)
    {
        var checkpoint = await database.StringGetAsync(_keys.Checkpoint(sessionId)).WaitAsync(cancellationToken).ConfigureAwait(false);
        return checkpoint.IsNull ? (RedisValue)IngestCheckpoint.Start : IngestCheckpoint.Parse(checkpoint.ToString()).Position;
    }

    /// <summary>Tells the writers on other nodes how far the reader got, one message per writer seen in the batch.</summary>
    private void Consumed(string sessionId, Dictionary<string, long> taken, ISubscriber subscriber)
    {
        foreach (var (writer, seq) in taken)
        {
            if (writer != _writerId)
            {
                subscriber.Publish(_keys.IngestConsumed(sessionId), $"{writer}:{seq.ToString(CultureInfo.InvariantCulture)}", CommandFlags.FireAndForget);
            }
        }
    }

    private IngestWriter Writer(string sessionId)
    {
        if (_writers.TryGetValue(sessionId, out var existing))
        {
            return existing;
        }

        var created = new IngestWriter(_capacity);
        var writer = _writers.GetOrAdd(sessionId, created);
        if (ReferenceEquals(writer, created))
        {
            _ = _consumedSubscription.Value;
            created.Pump = Task.Run(() => PumpAsync(sessionId, created, _stopping.Token));
        }

        return writer;
    }

    private async Task PumpAsync(string sessionId, IngestWriter writer, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var (seq, item) in writer.Outbox.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                var result = await AppendAsync(sessionId, seq, item, cancellationToken).ConfigureAwait(false);
                if (result < 0)
                {
                    writer.ClosedElsewhere();
                }
                else if (result == 2)
                {
                    writer.Dropped(seq);
                    Log.IngestClientDuplicate(_logger, sessionId, item!.Value.ClientSeq);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The node is stopping; what was not appended is what the speaker's client will resend on reconnect.
        }
    }

    /// <summary>Appends one item (null: the end-of-log marker), retrying until Redis takes it: frames are never skipped.</summary>
    private async Task<long> AppendAsync(string sessionId, long seq, IngestItem? item, CancellationToken cancellationToken)
    {
        var keys = new[] { _keys.Ingest(sessionId), _keys.IngestClosed(sessionId), _keys.IngestWriters(sessionId) };
        var wake = _keys.IngestWake(sessionId);
        for (var failures = 0; ; failures++)
        {
            try
            {
                var database = await _connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
                var result = item is { } audio
                    ? await database.ScriptEvaluateAsync(IngestScripts.Append, keys, IngestEntry.AppendArguments(audio, seq, _writerId, _time, _options.IngestMaxEntries, wake))
                        .WaitAsync(cancellationToken).ConfigureAwait(false)
                    : await database.ScriptEvaluateAsync(IngestScripts.Close, keys, [wake.ToString()]).WaitAsync(cancellationToken).ConfigureAwait(false);
                return (long)result;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                // The script may have run and only its reply been lost: the retry is recognised by the writer's seq.
                var retry = Backoff(failures + 1);
                Log.IngestAppendFailed(_logger, sessionId, (long)retry.TotalMilliseconds, ex);
                await Task.Delay(retry, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task SubscribeConsumedAsync()
    {
        var subscriber = await _connection.GetSubscriberAsync(_stopping.Token).ConfigureAwait(false);
        var pattern = RedisChannel.Pattern($"{_options.KeyPrefix}:{{*}}:ingest-consumed");
        await subscriber.SubscribeAsync(pattern, (channel, message) =>
        {
            var name = channel.ToString();
            var open = name.IndexOf('{', StringComparison.Ordinal);
            var close = name.LastIndexOf('}');
            var text = message.ToString();
            var colon = text.LastIndexOf(':');
            if (open >= 0 && close > open && colon > 0 && text.AsSpan(0, colon).SequenceEqual(_writerId)
                && _writers.TryGetValue(name[(open + 1)..close], out var writer)
                && long.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
            {
                writer.Consumed(seq);
            }
        }).ConfigureAwait(false);
    }

    private async Task DeleteAsync(string sessionId)
    {
        try
        {
            var database = await _connection.GetDatabaseAsync(_stopping.Token).ConfigureAwait(false);
            await database.KeyDeleteAsync(
                [_keys.Ingest(sessionId), _keys.IngestClosed(sessionId), _keys.IngestWriters(sessionId), _keys.Checkpoint(sessionId)])
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or OperationCanceledException)
        {
            // The keys are bounded (the stream by its hard cap) and carry nothing another session reads.
            Log.IngestReadFailed(_logger, sessionId, 0, ex);
        }
    }

    private static TimeSpan Backoff(int failures) =>
        TimeSpan.FromMilliseconds(Math.Min(MaxRetry.TotalMilliseconds, 25 * Math.Pow(2, Math.Min(failures, 10))));

    /// <summary>Idempotent: the container disposes this once as itself and once as <see cref="IAudioIngest"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        var pumps = _writers.Values.Select(writer => writer.Pump ?? Task.CompletedTask).ToArray();
        await Task.WhenAll(pumps).ConfigureAwait(false);
        _stopping.Dispose();
    }
}
