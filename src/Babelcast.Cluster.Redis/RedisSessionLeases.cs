using System.Collections.Concurrent;
using Babelcast.Core.Cluster;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Babelcast.Cluster.Redis;

/// <summary>
/// Session ownership on Redis: a lease key per session taken with SET NX PX under a generation counter, renewed by
/// compare-then-PEXPIRE, released on shutdown, checked atomically with every checkpoint.
/// </summary>
public sealed class RedisSessionLeases(
    RedisConnection connection,
    ClusterNode node,
    IOptions<RedisClusterOptions> options,
    TimeProvider time,
    ILogger<RedisSessionLeases> logger) : ISessionLeases, ISessionWriteFence, IDisposable
{
    private readonly ILogger _logger = logger;
    private readonly RedisClusterOptions _options = options.Value;
    private readonly RedisKeys _keys = new(options.Value.KeyPrefix);
    private readonly ConcurrentDictionary<string, RedisSessionLease> _held = new(StringComparer.Ordinal);

    /// <summary>The highest generation this node ever held per session; kept after the lease is lost, to fence its late writes.</summary>
    private readonly ConcurrentDictionary<string, long> _generations = new(StringComparer.Ordinal);

    /// <summary>Sessions this node holds right now.</summary>
    public int HeldCount => _held.Count;

    /// <summary>Whether this node still holds a lease on the session (its key may have expired in Redis before the local deadline).</summary>
    public bool Holds(string sessionId) => _held.ContainsKey(sessionId);

    /// <summary>
    /// The generation this node holds or last held for the session (0 if never): what its writes of the session's
    /// results are fenced with. Entries are a few bytes per session ever owned and stay for the process's life.
    /// </summary>
    public long GenerationOf(string sessionId) => _generations.GetValueOrDefault(sessionId);

    public async ValueTask<ISessionLease?> TryAcquireAsync(string sessionId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        var database = await connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        var sent = time.GetTimestamp();
        var result = await database.ScriptEvaluateAsync(
            LeaseScripts.Acquire,
            [_keys.Lease(sessionId), _keys.Generation(sessionId)],
            [node.Id, (long)_options.LeaseDuration.TotalMilliseconds]).WaitAsync(cancellationToken).ConfigureAwait(false);
        var generation = (long)result;
        if (generation == 0)
        {
            return null;
        }

        _generations.AddOrUpdate(sessionId, generation, (_, known) => Math.Max(known, generation));
        var lease = new RedisSessionLease(sessionId, generation, $"{node.Id}/{generation}", Remaining(sent), time);
        if (!_held.TryAdd(sessionId, lease))
        {
            // The same node acquiring twice means a caller lost track of its lease; keep the older one.
            lease.Dispose();
            throw new InvalidOperationException($"Session {sessionId} is already held by this node.");
        }

        lease.Lost.Register(static state =>
        {
            var (self, held) = ((RedisSessionLeases, RedisSessionLease))state!;
            // Still listed means nobody removed it on purpose: the local deadline passed without a renewal.
            if (self._held.TryRemove(new KeyValuePair<string, RedisSessionLease>(held.SessionId, held)))
            {
                Log.LeaseLost(self._logger, held.SessionId, held.Generation, "not renewed before its deadline");
            }
        }, (this, lease));
        Log.LeaseAcquired(_logger, sessionId, node.Id, generation);
        return lease;
    }

    /// <summary>Renews every lease held; one round of the renewal loop. Leases Redis no longer gives us are lost at once.</summary>
    public async Task RenewAllAsync(CancellationToken cancellationToken)
    {
        if (_held.IsEmpty)
        {
            return;
        }

        IDatabase database;
        try
        {
            database = await connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            Log.RenewalFailed(_logger, ex);
            return;
        }

        var renewals = _held.Values.Select(lease => RenewAsync(database, lease, cancellationToken)).ToArray();
        await Task.WhenAll(renewals).ConfigureAwait(false);
    }

    private async Task RenewAsync(IDatabase database, RedisSessionLease lease, CancellationToken cancellationToken)
    {
        var sent = time.GetTimestamp();
        try
        {
            var renewed = (long)await database.ScriptEvaluateAsync(
                LeaseScripts.Renew,
                [_keys.Lease(lease.SessionId)],
                [lease.Owner, (long)_options.LeaseDuration.TotalMilliseconds]).WaitAsync(cancellationToken).ConfigureAwait(false);
            if (renewed == 1)
            {
                lease.Extend(Remaining(sent));
            }
            else
            {
                Lose(lease, "another node holds the session");
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // The local deadline keeps running: if Redis stays away, the lease is given up by itself before it expires.
            Log.RenewalFailed(_logger, ex);
        }
    }

    public async ValueTask<bool> CommitCheckpointAsync(ISessionLease lease, string checkpoint, CancellationToken cancellationToken)
    {
        var held = Held(lease);
        ArgumentException.ThrowIfNullOrEmpty(checkpoint);
        if (held.IsLost)
        {
            return false;
        }

        var database = await connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        var committed = (long)await database.ScriptEvaluateAsync(
            LeaseScripts.Commit,
            [_keys.Lease(held.SessionId), _keys.Checkpoint(held.SessionId), _keys.Ingest(held.SessionId)],
            [held.Owner, checkpoint]).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (committed == 1)
        {
            return true;
        }

        Log.CheckpointFenced(_logger, held.SessionId, held.Generation);
        Lose(held, "checkpoint refused");
        return false;
    }

    public async ValueTask<string?> GetCheckpointAsync(string sessionId, CancellationToken cancellationToken)
    {
        var database = await connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        var value = await database.StringGetAsync(_keys.Checkpoint(sessionId)).WaitAsync(cancellationToken).ConfigureAwait(false);
        return value.IsNull ? null : value.ToString();
    }

    public async ValueTask ReleaseAsync(ISessionLease lease, CancellationToken cancellationToken)
    {
        var held = Held(lease);
        _held.TryRemove(new KeyValuePair<string, RedisSessionLease>(held.SessionId, held));
        var wasLost = held.IsLost;
        // Local work stops before the key goes, so that the next owner never overlaps with this one.
        held.MarkLost();
        try
        {
            if (!wasLost)
            {
                var database = await connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
                await database.ScriptEvaluateAsync(LeaseScripts.Release, [_keys.Lease(held.SessionId)], [held.Owner])
                    .WaitAsync(cancellationToken).ConfigureAwait(false);
                Log.LeaseReleased(_logger, held.SessionId, held.Generation);
            }
        }
        finally
        {
            held.Dispose();
        }
    }

    /// <summary>Releases every lease (graceful shutdown: other nodes take the sessions without waiting for expiry).</summary>
    public async Task ReleaseAllAsync(CancellationToken cancellationToken)
    {
        var releases = _held.Values.Select(lease => ReleaseAsync(lease, cancellationToken).AsTask()).ToArray();
        await Task.WhenAll(releases).ConfigureAwait(false);
    }

    private TimeSpan Remaining(long sentTimestamp) =>
        _options.LeaseDuration - _options.FencingMargin - time.GetElapsedTime(sentTimestamp);

    private void Lose(RedisSessionLease lease, string reason)
    {
        if (_held.TryRemove(new KeyValuePair<string, RedisSessionLease>(lease.SessionId, lease)))
        {
            Log.LeaseLost(_logger, lease.SessionId, lease.Generation, reason);
        }

        lease.MarkLost();
    }

    private static RedisSessionLease Held(ISessionLease lease) =>
        lease as RedisSessionLease ?? throw new ArgumentException("The lease was not issued by Redis.", nameof(lease));

    public void Dispose()
    {
        foreach (var lease in _held.Values)
        {
            _held.TryRemove(new KeyValuePair<string, RedisSessionLease>(lease.SessionId, lease));
            lease.MarkLost();
            lease.Dispose();
        }
    }
}
