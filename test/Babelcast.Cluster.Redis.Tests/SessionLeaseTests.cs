using System.Diagnostics;
using Babelcast.Core.Cluster;
using StackExchange.Redis;

namespace Babelcast.Cluster.Redis.Tests;

[Trait("Category", "Cluster")]
[Collection(RedisCollection.Name)]
public sealed class SessionLeaseTests(RedisFixture redis)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private RedisClusterOptions Options(int leaseMs = 3000, int marginMs = 500, int renewMs = 1000) =>
        LeaseNode.OptionsFor(redis, TimeSpan.FromMilliseconds(leaseMs), TimeSpan.FromMilliseconds(marginMs), TimeSpan.FromMilliseconds(renewMs));

    [Fact]
    public async Task Only_one_node_holds_a_session_and_each_new_owner_gets_a_higher_generation()
    {
        var options = Options();
        await using var a = new LeaseNode("node-a", options);
        await using var b = new LeaseNode("node-b", options);

        var first = await a.Leases.TryAcquireAsync("s1", CancellationToken.None);
        Assert.NotNull(first);
        Assert.Null(await b.Leases.TryAcquireAsync("s1", CancellationToken.None));
        Assert.NotNull(await b.Leases.TryAcquireAsync("s2", CancellationToken.None));

        await a.Leases.ReleaseAsync(first, CancellationToken.None);
        Assert.True(first.IsLost);
        var second = await b.Leases.TryAcquireAsync("s1", CancellationToken.None);

        Assert.NotNull(second);
        Assert.Equal(first.Generation + 1, second.Generation);
    }

    [Fact]
    public async Task An_unrenewed_lease_is_given_up_locally_before_redis_expires_it_and_the_next_owner_fences_the_old()
    {
        var options = Options(leaseMs: 2000, marginMs: 800, renewMs: 300);
        await using var a = new LeaseNode("node-a", options);
        await using var b = new LeaseNode("node-b", options);
        var old = await a.Leases.TryAcquireAsync("s1", CancellationToken.None);
        Assert.NotNull(old);

        // No renewal runs: the local deadline (lease - margin) must pass while the key still exists in Redis.
        await WaitForAsync(old.Lost);
        var database = await a.DatabaseAsync();
        var ttl = await database.KeyTimeToLiveAsync(KeyOf(options, "s1", "lease"));
        Assert.True(ttl is { } left && left > TimeSpan.Zero, $"the lease key had expired ({ttl}) before the owner stopped");
        Assert.Null(await b.Leases.TryAcquireAsync("s1", CancellationToken.None));

        var next = await AcquireWhenFreeAsync(b, "s1");
        Assert.Equal(old.Generation + 1, next.Generation);
        Assert.False(await a.Leases.CommitCheckpointAsync(old, "1-1", CancellationToken.None));
        Assert.Null(await b.Leases.GetCheckpointAsync("s1", CancellationToken.None));
    }

    [Fact]
    public async Task Renewals_keep_a_lease_well_past_its_duration()
    {
        var options = Options(leaseMs: 1500, marginMs: 300, renewMs: 200);
        await using var a = new LeaseNode("node-a", options);
        await using var b = new LeaseNode("node-b", options);
        var lease = await a.Leases.TryAcquireAsync("s1", CancellationToken.None);
        Assert.NotNull(lease);

        var held = Stopwatch.StartNew();
        while (held.Elapsed < TimeSpan.FromSeconds(4))
        {
            await a.Leases.RenewAllAsync(CancellationToken.None);
            await Task.Delay(options.LeaseRenewInterval);
        }

        Assert.False(lease.IsLost);
        Assert.Null(await b.Leases.TryAcquireAsync("s1", CancellationToken.None));
        Assert.Equal(1, a.Leases.HeldCount);
    }

    [Fact]
    public async Task A_checkpoint_is_written_and_the_ingest_stream_trimmed_only_under_the_current_lease()
    {
        var options = Options();
        await using var a = new LeaseNode("node-a", options);
        await using var b = new LeaseNode("node-b", options);
        var database = await a.DatabaseAsync();
        var stream = KeyOf(options, "s1", "ingest");
        var ids = new List<RedisValue>();
        for (var seq = 1; seq <= 5; seq++)
        {
            ids.Add(await database.StreamAddAsync(stream, "seq", seq));
        }

        var lease = await a.Leases.TryAcquireAsync("s1", CancellationToken.None);
        Assert.NotNull(lease);
        Assert.True(await a.Leases.CommitCheckpointAsync(lease, ids[2]!, CancellationToken.None));
        Assert.Equal(ids[2].ToString(), await b.Leases.GetCheckpointAsync("s1", CancellationToken.None));
        var left = await database.StreamRangeAsync(stream);
        Assert.Equal(ids.Skip(2).Select(id => id.ToString()), left.Select(entry => entry.Id.ToString()));

        // The key vanishes behind a's back (as after a stall past expiry) and b takes the session: a does not know yet.
        await database.KeyDeleteAsync(KeyOf(options, "s1", "lease"));
        var current = await b.Leases.TryAcquireAsync("s1", CancellationToken.None);
        Assert.NotNull(current);
        Assert.False(lease.IsLost);

        Assert.False(await a.Leases.CommitCheckpointAsync(lease, ids[4]!, CancellationToken.None));
        Assert.True(lease.IsLost);
        Assert.Equal(ids[2].ToString(), await b.Leases.GetCheckpointAsync("s1", CancellationToken.None));
        Assert.Equal(3, await database.StreamLengthAsync(stream));
    }

    [Fact]
    public async Task A_renewal_that_finds_another_owner_stops_the_old_one_at_once()
    {
        var options = Options();
        await using var a = new LeaseNode("node-a", options);
        await using var b = new LeaseNode("node-b", options);
        var lease = await a.Leases.TryAcquireAsync("s1", CancellationToken.None);
        Assert.NotNull(lease);
        var database = await a.DatabaseAsync();
        await database.KeyDeleteAsync(KeyOf(options, "s1", "lease"));
        Assert.NotNull(await b.Leases.TryAcquireAsync("s1", CancellationToken.None));

        await a.Leases.RenewAllAsync(CancellationToken.None);

        Assert.True(lease.IsLost);
        Assert.Equal(0, a.Leases.HeldCount);
    }

    [Fact]
    public async Task Releasing_every_lease_hands_sessions_over_without_waiting_for_expiry()
    {
        var options = Options(leaseMs: 30_000, marginMs: 1000, renewMs: 5000);
        await using var a = new LeaseNode("node-a", options);
        await using var b = new LeaseNode("node-b", options);
        var held = new List<ISessionLease>();
        foreach (var session in new[] { "s1", "s2", "s3" })
        {
            held.Add((await a.Leases.TryAcquireAsync(session, CancellationToken.None))!);
        }

        var handover = Stopwatch.StartNew();
        await a.Leases.ReleaseAllAsync(CancellationToken.None);
        foreach (var session in new[] { "s1", "s2", "s3" })
        {
            Assert.NotNull(await b.Leases.TryAcquireAsync(session, CancellationToken.None));
        }

        Assert.All(held, lease => Assert.True(lease.IsLost));
        Assert.True(handover.Elapsed < TimeSpan.FromSeconds(1), $"handover took {handover.Elapsed}");
    }

    [Fact]
    public void A_lease_whose_acquisition_outlasted_its_trusted_time_is_lost_at_once()
    {
        using var lease = new RedisSessionLease("s1", 1, "node-a/1", TimeSpan.FromMilliseconds(-300), TimeProvider.System);

        Assert.True(SpinWait.SpinUntil(() => lease.IsLost, Wait));
    }

    private static RedisKey KeyOf(RedisClusterOptions options, string sessionId, string name) => $"{options.KeyPrefix}:{{{sessionId}}}:{name}";

    private static async Task<ISessionLease> AcquireWhenFreeAsync(LeaseNode node, string sessionId)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < Wait)
        {
            if (await node.Leases.TryAcquireAsync(sessionId, CancellationToken.None) is { } lease)
            {
                return lease;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{sessionId} was not free after {Wait}.");
    }

    internal static async Task WaitForAsync(CancellationToken token)
    {
        var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = token.Register(() => fired.TrySetResult());
        await fired.Task.WaitAsync(Wait, CancellationToken.None);
    }
}
