using System.Collections.Concurrent;
using Babelcast.Core.Limits;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Babelcast.Cluster.Redis.Limits;

/// <summary>
/// The listener cap across nodes. Each node writes how many places of a session it holds into the session's hash
/// (<c>{prefix}:{id}:listener-places</c>, one field per node, "expiresMs|count"); a join takes a place by one script
/// that sums the other nodes' unexpired fields and writes this node's new count only if the total stays within the
/// cap. This node's own count is the authority for its field: every write is the whole count (not +1/-1) under the
/// session's gate, so a lost reply or a failed write is corrected by the next one, and <see cref="RefreshAsync"/>
/// rewrites every field each heartbeat. A node that dies stops refreshing, and its share expires after three beats.
/// While Redis is unreachable, places are taken on this node's word (its own store still applies the cap).
/// </summary>
public sealed class RedisListenerSlots : IListenerSlots
{
    private readonly ConcurrentDictionary<string, Holding> _held = new(StringComparer.Ordinal);
    private readonly RedisConnection _connection;
    private readonly ClusterNode _node;
    private readonly TimeProvider _time;
    private readonly RedisFallback _fallback;
    private readonly string _prefix;
    private readonly long _expiryMs;

    public RedisListenerSlots(RedisConnection connection, ClusterNode node, IOptions<RedisClusterOptions> options, TimeProvider time, ILogger<RedisListenerSlots> logger)
    {
        _connection = connection;
        _node = node;
        _time = time;
        _fallback = new RedisFallback("listener caps", time, logger);
        _prefix = options.Value.KeyPrefix;
        _expiryMs = (long)(options.Value.PresenceHeartbeat * 3).TotalMilliseconds;
    }

    /// <summary>Places of <paramref name="sessionId"/> held by this node (what its field says once written).</summary>
    public int Held(string sessionId) => _held.TryGetValue(sessionId, out var holding) ? Volatile.Read(ref holding.Count) : 0;

    public async ValueTask<bool> TryTakeAsync(string sessionId, int cap, CancellationToken cancellationToken)
    {
        while (true)
        {
            var holding = _held.GetOrAdd(sessionId, static _ => new Holding());
            await holding.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (holding.Removed)
                {
                    continue; // Emptied and dropped while we waited: take the session's current holding.
                }

                // Fail open: with Redis away (null), this node's own store still applies the cap to its listeners.
                var written = _fallback.IsLocal ? null
                    : await TryRunAsync(LimitScripts.TakeListenerPlace, sessionId, [_node.Id, cap, holding.Count + 1, _expiryMs], cancellationToken).ConfigureAwait(false);
                if (written == 0)
                {
                    return false;
                }

                Interlocked.Increment(ref holding.Count);
                return true;
            }
            finally
            {
                DropIfEmpty(sessionId, holding);
                holding.Gate.Release();
            }
        }
    }

    public void Release(string sessionId) => _ = ReleaseAsync(sessionId);

    /// <summary>Rewrites every count this node holds with a fresh expiry; stops at the first failure (retried next beat).</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        foreach (var (sessionId, holding) in _held)
        {
            await holding.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (!holding.Removed && await TryRunAsync(LimitScripts.SetListenerPlaces, sessionId, [_node.Id, holding.Count, _expiryMs], cancellationToken).ConfigureAwait(false) is null)
                {
                    return;
                }
            }
            finally
            {
                holding.Gate.Release();
            }
        }
    }

    /// <summary>A graceful stop gives this node's places back at once instead of after their expiry.</summary>
    public async Task LeaveAsync(CancellationToken cancellationToken)
    {
        foreach (var sessionId in _held.Keys)
        {
            if (await TryRunAsync(LimitScripts.SetListenerPlaces, sessionId, [_node.Id, 0, _expiryMs], cancellationToken).ConfigureAwait(false) is null)
            {
                return;
            }
        }
    }

    private async Task ReleaseAsync(string sessionId)
    {
        if (!_held.TryGetValue(sessionId, out var holding))
        {
            return;
        }

        await holding.Gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            var count = Interlocked.Decrement(ref holding.Count);
            // Not written while Redis is away: the field then expires, or the next heartbeat rewrites it.
            if (!_fallback.IsLocal)
            {
                await TryRunAsync(LimitScripts.SetListenerPlaces, sessionId, [_node.Id, count, _expiryMs], CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            // After the write: a join waiting on this holding writes its count only once this one's is in.
            DropIfEmpty(sessionId, holding);
            holding.Gate.Release();
        }
    }

    /// <summary>Runs a script on the session's places: its result, or null when Redis did not answer in time.</summary>
    private async Task<long?> TryRunAsync(string script, string sessionId, RedisValue[] arguments, CancellationToken cancellationToken)
    {
        try
        {
            var result = await RunAsync(script, Key(sessionId), arguments, cancellationToken)
                .WaitAsync(RedisFallback.Budget, _time, cancellationToken).ConfigureAwait(false);
            _fallback.Succeeded();
            return (long)result;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            _fallback.Failed(ex);
            return null;
        }
    }

    // The budget covers connecting too: a node that starts while Redis is away must not wait out the connect timeout.
    private async Task<RedisResult> RunAsync(string script, string key, RedisValue[] arguments, CancellationToken cancellationToken)
    {
        var database = await _connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        return await database.ScriptEvaluateAsync(script, [(RedisKey)key], arguments).ConfigureAwait(false);
    }

    // Under the holding's gate: a holding at 0 leaves the table, and whoever waited on it takes a fresh one.
    private void DropIfEmpty(string sessionId, Holding holding)
    {
        if (holding.Count <= 0)
        {
            holding.Removed = true;
            _held.TryRemove(new KeyValuePair<string, Holding>(sessionId, holding));
        }
    }

    private string Key(string sessionId) => $"{_prefix}:{{{sessionId}}}:listener-places";

    private sealed class Holding
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public int Count;

        public bool Removed { get; set; }
    }
}
