using System.Collections.Concurrent;
using Babelcast.Core.Broadcasting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Babelcast.Cluster.Redis;

/// <summary>
/// Cluster-wide listener counts: the sum over the nodes' presence entries that have not expired. Read by the pipeline
/// on every phrase, so it is cached briefly and the cache is dropped whenever a node announces a change.
/// </summary>
public sealed class RedisListenerPresence : IListenerPresence
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMilliseconds(500);
    private readonly RedisConnection _connection;
    private readonly RedisKeys _keys;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, (IReadOnlyDictionary<string, int> Counts, long LoadedAt)> _cache = new(StringComparer.Ordinal);
    private int _subscribed;

    public RedisListenerPresence(RedisConnection connection, IOptions<RedisClusterOptions> options, TimeProvider time, ILogger<RedisListenerPresence> logger)
    {
        _connection = connection;
        _keys = new RedisKeys(options.Value.KeyPrefix);
        _time = time;
        _logger = logger;
    }

    public IReadOnlyCollection<string> GetListenerLanguages(string sessionId) => GetListenerCounts(sessionId).Keys.ToArray();

    public IReadOnlyDictionary<string, int> GetListenerCounts(string sessionId)
    {
        EnsureSubscribed();
        if (_cache.TryGetValue(sessionId, out var cached) && _time.GetElapsedTime(cached.LoadedAt) < CacheFor)
        {
            return cached.Counts;
        }

        try
        {
            var entries = _connection.Multiplexer.GetDatabase().HashGetAll(_keys.Presence(sessionId));
            return Remember(sessionId, entries);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Last known counts rather than none: an unreachable Redis must not stop translation of a running session.
            Log.PresenceReadFailed(_logger, sessionId, ex);
            return cached.Counts ?? new Dictionary<string, int>();
        }
    }

    /// <summary>
    /// Reads the counts from Redis past the cache. For a reader woken by a presence change: its handler and the cache's
    /// invalidation run in no set order, so a cached read could still see the counts from before the change.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, int>> ReadFreshAsync(string sessionId, CancellationToken cancellationToken)
    {
        EnsureSubscribed();
        var database = await _connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        var entries = await database.HashGetAllAsync(_keys.Presence(sessionId)).WaitAsync(cancellationToken).ConfigureAwait(false);
        return Remember(sessionId, entries);
    }

    private Dictionary<string, int> Remember(string sessionId, HashEntry[] entries)
    {
        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var entry in entries)
        {
            PresenceValue.TryAdd(entry.Value.ToString(), now, totals);
        }

        _cache[sessionId] = (totals, _time.GetTimestamp());
        return totals;
    }

    private void EnsureSubscribed()
    {
        if (Interlocked.Exchange(ref _subscribed, 1) == 1)
        {
            return;
        }

        _connection.Multiplexer.GetSubscriber().Subscribe(_keys.PresenceChangedPattern, (channel, message) =>
        {
            if (_keys.TrySessionOf(channel, out var sessionId))
            {
                _cache.TryRemove(sessionId, out _);
            }
        });
    }
}
