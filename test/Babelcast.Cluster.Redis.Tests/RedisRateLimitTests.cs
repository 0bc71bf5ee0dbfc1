using Babelcast.Cluster.Redis.Limits;
using Babelcast.Core.Limits;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Babelcast.Cluster.Redis.Tests;

/// <summary>Rate-limit windows counted in Redis: two counters are two nodes sharing one Redis.</summary>
[Trait("Category", "Cluster")]
[Collection(RedisCollection.Name)]
public sealed class RedisRateLimitTests(RedisFixture redis) : IAsyncLifetime
{
    private readonly List<RedisConnection> _connections = [];
    private readonly RedisClusterOptions _options = new()
    {
        ConnectionString = redis.Server.ConnectionString,
        KeyPrefix = "r" + Guid.NewGuid().ToString("N")[..12],
    };

    [Fact]
    public async Task Two_nodes_together_allow_exactly_the_limit_per_window_and_again_in_the_next()
    {
        var a = Counter();
        var b = Counter();
        var window = TimeSpan.FromSeconds(2);

        // 24 concurrent requests of one IP, half through each node, against a limit of 7.
        var decisions = await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            (i % 2 == 0 ? a : b).TryAcquireAsync("token", "10.0.0.1", 7, window, CancellationToken.None).AsTask()));

        Assert.Equal(7, decisions.Count(d => d.Acquired));
        Assert.All(decisions.Where(d => !d.Acquired), d => Assert.InRange(d.RetryAfter, TimeSpan.FromMilliseconds(1), window));
        Assert.True((await b.TryAcquireAsync("token", "10.0.0.2", 7, window, CancellationToken.None)).Acquired, "another IP has its own window");
        Assert.True((await a.TryAcquireAsync("join", "10.0.0.1", 7, window, CancellationToken.None)).Acquired, "another limit has its own window");

        var refused = decisions.First(d => !d.Acquired);
        await Task.Delay(refused.RetryAfter + TimeSpan.FromMilliseconds(100));
        Assert.True((await a.TryAcquireAsync("token", "10.0.0.1", 7, window, CancellationToken.None)).Acquired, "the next window starts afresh");
    }

    [Fact]
    public async Task A_frozen_redis_fails_open_to_this_nodes_own_count_within_the_budget()
    {
        var a = Counter();
        Assert.True((await a.TryAcquireAsync("token", "10.0.0.1", 2, TimeSpan.FromMinutes(1), CancellationToken.None)).Acquired);

        await redis.Server.FreezeAsync(CancellationToken.None);
        try
        {
            var started = TimeProvider.System.GetTimestamp();
            // Counted here alone now: the local window starts empty, so two are allowed, the third refused.
            var local = new List<FixedWindowDecision>();
            for (var i = 0; i < 3; i++)
            {
                local.Add(await a.TryAcquireAsync("token", "10.0.0.1", 2, TimeSpan.FromMinutes(1), CancellationToken.None));
            }

            Assert.Equal([true, true, false], local.Select(d => d.Acquired));
            Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(3), "one budget's wait, not one per request");
        }
        finally
        {
            await redis.Server.ThawAsync(CancellationToken.None);
        }
    }

    private RedisFixedWindowCounter Counter()
    {
        var connection = new RedisConnection(Options.Create(_options));
        _connections.Add(connection);
        return new RedisFixedWindowCounter(connection, Options.Create(_options), TimeProvider.System, NullLogger<RedisFixedWindowCounter>.Instance);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }
    }
}
