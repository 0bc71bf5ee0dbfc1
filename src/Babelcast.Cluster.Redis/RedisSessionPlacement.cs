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
            if (!await database.KeyExistsAsync(_keys.Lease(sessionId)).WaitAsync(cancellationToken).ConfigureAwait(false))
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
