using Babelcast.Cluster.Redis.Limits;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Babelcast.Cluster.Redis.Tests;

/// <summary>The listener cap counted in Redis: each <see cref="RedisListenerSlots"/> is one node.</summary>
[Trait("Category", "Cluster")]
[Collection(RedisCollection.Name)]
public sealed class RedisListenerSlotsTests(RedisFixture redis) : IAsyncLifetime
{
    private readonly List<RedisConnection> _connections = [];
    private readonly List<ListenerSlotsHeartbeatService> _heartbeats = [];
    private readonly RedisClusterOptions _options = new()
    {
        ConnectionString = redis.Server.ConnectionString,
        KeyPrefix = "l" + Guid.NewGuid().ToString("N")[..12],
        PresenceHeartbeat = TimeSpan.FromMilliseconds(100),
    };

    [Fact]
    public async Task Two_nodes_joining_at_once_take_exactly_the_cap_together_and_a_leave_frees_one_place()
    {
        var a = Node("a");
        var b = Node("b");

        var taken = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => (i % 2 == 0 ? a : b).TryTakeAsync("s1", 5, CancellationToken.None).AsTask()));

        Assert.Equal(5, taken.Count(t => t));
        Assert.Equal(5, a.Held("s1") + b.Held("s1"));
        Assert.True(await a.TryTakeAsync("s2", 5, CancellationToken.None), "another session has its own places");

        var leaver = a.Held("s1") > 0 ? a : b;
        leaver.Release("s1");
        await WaitUntilAsync(async () => await (leaver == a ? b : a).TryTakeAsync("s1", 5, CancellationToken.None));
        Assert.False(await a.TryTakeAsync("s1", 5, CancellationToken.None));
        Assert.False(await b.TryTakeAsync("s1", 5, CancellationToken.None));
    }

    [Fact]
    public async Task A_dead_nodes_share_expires_while_a_live_nodes_share_is_kept_by_its_heartbeat()
    {
        var dead = Node("dead");
        var live = Node("live");
        var other = Node("other");
        await StartHeartbeatAsync(live);
        Assert.True(await dead.TryTakeAsync("s1", 4, CancellationToken.None));
        Assert.True(await dead.TryTakeAsync("s1", 4, CancellationToken.None));
        Assert.True(await live.TryTakeAsync("s1", 4, CancellationToken.None));
        Assert.True(await other.TryTakeAsync("s1", 4, CancellationToken.None));
        Assert.False(await other.TryTakeAsync("s1", 4, CancellationToken.None));

        // "dead" never refreshes: its two places expire after three beats (300 ms); "live"'s one is kept.
        await Task.Delay(TimeSpan.FromMilliseconds(800));

        Assert.True(await other.TryTakeAsync("s1", 4, CancellationToken.None));
        Assert.True(await other.TryTakeAsync("s1", 4, CancellationToken.None));
        Assert.False(await other.TryTakeAsync("s1", 4, CancellationToken.None));
    }

    [Fact]
    public async Task A_graceful_stop_gives_the_nodes_places_back_at_once()
    {
        var stopping = Node("stopping");
        var other = Node("other");
        var stop = await StartHeartbeatAsync(stopping);
        Assert.True(await stopping.TryTakeAsync("s1", 2, CancellationToken.None));
        Assert.True(await stopping.TryTakeAsync("s1", 2, CancellationToken.None));
        Assert.False(await other.TryTakeAsync("s1", 2, CancellationToken.None));

        await stop();

        Assert.True(await other.TryTakeAsync("s1", 2, CancellationToken.None));
        Assert.True(await other.TryTakeAsync("s1", 2, CancellationToken.None));
    }

    [Fact]
    public async Task A_frozen_redis_fails_open_and_the_heartbeat_writes_the_true_count_once_it_answers()
    {
        var a = Node("a");
        var other = Node("other");
        await StartHeartbeatAsync(a);
        Assert.True(await a.TryTakeAsync("s1", 2, CancellationToken.None));

        await redis.Server.FreezeAsync(CancellationToken.None);
        try
        {
            var started = TimeProvider.System.GetTimestamp();
            Assert.True(await a.TryTakeAsync("s1", 2, CancellationToken.None), "fail open: this node's store still caps its own listeners");
            Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(3));
        }
        finally
        {
            await redis.Server.ThawAsync(CancellationToken.None);
        }

        // Once Redis answers, the heartbeat writes a's two places, and the session is full for the other node.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal(2, a.Held("s1"));
        Assert.False(await other.TryTakeAsync("s1", 2, CancellationToken.None));
    }

    private RedisListenerSlots Node(string id)
    {
        var connection = new RedisConnection(Options.Create(_options));
        _connections.Add(connection);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Babelcast:Cluster:NodeId"] = id }).Build();
        return new RedisListenerSlots(connection, new ClusterNode(configuration), Options.Create(_options), TimeProvider.System, NullLogger<RedisListenerSlots>.Instance);
    }

    /// <summary>Starts the node's heartbeat; the returned call stops it gracefully.</summary>
    private async Task<Func<Task>> StartHeartbeatAsync(RedisListenerSlots slots)
    {
        var service = new ListenerSlotsHeartbeatService(slots, Options.Create(_options), TimeProvider.System);
        _heartbeats.Add(service);
        await service.StartAsync(CancellationToken.None);
        return () => service.StopAsync(CancellationToken.None);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), "the condition did not become true in time");
            await Task.Delay(20);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var heartbeat in _heartbeats)
        {
            await heartbeat.StopAsync(CancellationToken.None);
            heartbeat.Dispose();
        }

        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }
    }
}
