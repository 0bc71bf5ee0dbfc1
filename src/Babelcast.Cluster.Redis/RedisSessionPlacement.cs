using Babelcast.Core.Cluster;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Babelcast.Cluster.Redis;

/// <summary>
/// Which sessions need a worker, and one worker's claims on them. A gateway announces a session when its speaker
/// connects and withdraws it when it ends; workers claim announced sessions that nobody holds, while they have room.
/// </summary>
public sealed class RedisSessionPlacement(
    RedisConnection connection,
    RedisSessionLeases leases,
    IOptions<SessionClaimOptions> claimOptions,
    IOptions<RedisClusterOptions> options,
    TimeProvider time)
{
    private readonly RedisKeys _keys = new(options.Value.KeyPrefix);
    private static readonly TimeSpan FinishedKeep = TimeSpan.FromHours(1);
    private readonly SessionClaimOptions _claim = claimOptions.Value;

    public int Capacity => _claim.EffectiveMaxSessions;

    public int Held => leases.HeldCount;

    public RedisChannel Announcements => _keys.Announcements;

    public async Task AnnounceAsync(string sessionId, CancellationToken cancellationToken)
    {
        var database = await connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        await database.SetAddAsync(_keys.ActiveSessions, sessionId).WaitAsync(cancellationToken).ConfigureAwait(false);
        await database.PublishAsync(_keys.Announcements, sessionId).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Tells the workers that <paramref name="sessionId"/> may be free again (a worker released it).</summary>
    public async Task NudgeAsync(string sessionId, CancellationToken cancellationToken)
    {
        var database = await connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        await database.PublishAsync(_keys.Announcements, sessionId).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task WithdrawAsync(string sessionId, CancellationToken cancellationToken)
    {
        var database = await connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        await database.SetRemoveAsync(_keys.ActiveSessions, sessionId).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether a worker holds the session or it waits for one (an end must then wait for the phrase in progress).</summary>
    public async Task<bool> IsPlacedAsync(string sessionId, CancellationToken cancellationToken)
    {
        var database = await connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        return await database.KeyExistsAsync(_keys.Lease(sessionId)).WaitAsync(cancellationToken).ConfigureAwait(false)
            || await database.SetContainsAsync(_keys.ActiveSessions, sessionId).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The worker delivered the session's last phrase: the session needs no worker any more, and its end may go out.</summary>
    public async Task FinishAsync(string sessionId, CancellationToken cancellationToken)
    {
        var database = await connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        await database.SetRemoveAsync(_keys.ActiveSessions, sessionId).WaitAsync(cancellationToken).ConfigureAwait(false);
        await database.StringSetAsync(_keys.Finished(sessionId), 1, FinishedKeep).WaitAsync(cancellationToken).ConfigureAwait(false);
        await database.PublishAsync(_keys.FinishedChannel(sessionId), 1).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Waits until a worker has finished the session's log, at most <paramref name="timeout"/>; false when it did not.
    /// Everything the worker published before it finished has then gone through Redis ahead of what the caller publishes next.
    /// </summary>
    public async Task<bool> WaitFinishedAsync(string sessionId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var subscriber = await connection.GetSubscriberAsync(cancellationToken).ConfigureAwait(false);
        var wake = new WakeSignal();
        var channel = _keys.FinishedChannel(sessionId);
        await subscriber.SubscribeAsync(channel, (_, _) => wake.Set()).WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var database = await connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
            var started = time.GetTimestamp();
            while (true)
            {
                if (await database.KeyExistsAsync(_keys.Finished(sessionId)).WaitAsync(cancellationToken).ConfigureAwait(false))
                {
                    return true;
                }

                var left = timeout - time.GetElapsedTime(started);
                if (left <= TimeSpan.Zero)
                {
                    return false;
                }

                await wake.WaitAsync(TimeSpan.FromMilliseconds(Math.Min(left.TotalMilliseconds, 250)), time, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await subscriber.UnsubscribeAsync(channel).ConfigureAwait(false);
        }
    }

    /// <summary>One claim round: takes active sessions that no node holds, while this node has room.</summary>
    public async Task<IReadOnlyList<ISessionLease>> ClaimAsync(CancellationToken cancellationToken)
    {
        var claimed = new List<ISessionLease>();
        if (leases.HeldCount >= Capacity)
        {
            return claimed;
        }

        var database = await connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        var active = await database.SetMembersAsync(_keys.ActiveSessions).WaitAsync(cancellationToken).ConfigureAwait(false);
        var free = new List<string>();
        foreach (var member in active)
        {
            var sessionId = member.ToString();
            // Still ours until its local deadline fires (e.g. Redis restarted and the key expired first): not free.
            if (!leases.Holds(sessionId) && !await database.KeyExistsAsync(_keys.Lease(sessionId)).WaitAsync(cancellationToken).ConfigureAwait(false))
            {
                free.Add(sessionId);
            }
        }

        foreach (var sessionId in free)
        {
            if (leases.HeldCount >= Capacity)
            {
                break;
            }

            // The more this node runs, the longer it lets the others go first.
            var yieldFor = _claim.DelayPerHeldSession * leases.HeldCount;
            if (yieldFor > TimeSpan.Zero)
            {
                await Task.Delay(yieldFor, time, cancellationToken).ConfigureAwait(false);
            }

            if (await leases.TryAcquireAsync(sessionId, cancellationToken).ConfigureAwait(false) is { } lease)
            {
                claimed.Add(lease);
            }
        }

        return claimed;
    }
}
