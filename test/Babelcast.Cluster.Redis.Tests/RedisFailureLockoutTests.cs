using Babelcast.Cluster.Redis.Limits;
using Babelcast.Core.Limits;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Babelcast.Cluster.Redis.Tests;

/// <summary>The sign-in lockout kept in Redis: two lockouts are two nodes sharing one Redis.</summary>
[Trait("Category", "Cluster")]
[Collection(RedisCollection.Name)]
public sealed class RedisFailureLockoutTests(RedisFixture redis) : IAsyncLifetime
{
    private static readonly LockoutPolicy Policy = new(3, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3));

    private readonly List<RedisConnection> _connections = [];
    private readonly RedisClusterOptions _options = new()
    {
        ConnectionString = redis.Server.ConnectionString,
        KeyPrefix = "l" + Guid.NewGuid().ToString("N")[..12],
    };

    [Fact]
    public async Task Failures_SpreadOverTwoNodes_LockTheKeyOnBothAtTheLimitNotAtTwiceTheLimit()
    {
        var a = Lockout();
        var b = Lockout();

        // Two failures through a, one through b: each node alone has seen fewer than 3.
        await a.RecordFailureAsync("alice", Policy, CancellationToken.None);
        await b.RecordFailureAsync("alice", Policy, CancellationToken.None);
        Assert.Null(await a.RetryAfterAsync("alice", CancellationToken.None));
        Assert.Null(await b.RetryAfterAsync("alice", CancellationToken.None));
        await a.RecordFailureAsync("alice", Policy, CancellationToken.None);

        Assert.InRange(await a.RetryAfterAsync("alice", CancellationToken.None) ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        Assert.InRange(await b.RetryAfterAsync("alice", CancellationToken.None) ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        Assert.Null(await b.RetryAfterAsync("bob", CancellationToken.None));
    }

    [Fact]
    public async Task Lockouts_InARow_DoubleUpToTheCap_AndASuccessOnEitherNodeClearsThem()
    {
        var a = Lockout();
        var b = Lockout();
        for (var i = 0; i < 3; i++)
        {
            await (i % 2 == 0 ? a : b).RecordFailureAsync("carol", Policy, CancellationToken.None);
        }

        var first = await b.RetryAfterAsync("carol", CancellationToken.None);
        Assert.NotNull(first);
        await Task.Delay(first.Value + TimeSpan.FromMilliseconds(100));
        Assert.Null(await a.RetryAfterAsync("carol", CancellationToken.None));

        // Within the window of the last failure: the second lockout doubles (4 s), capped at 3 s.
        for (var i = 0; i < 3; i++)
        {
            await (i % 2 == 0 ? b : a).RecordFailureAsync("carol", Policy, CancellationToken.None);
        }

        Assert.InRange(await a.RetryAfterAsync("carol", CancellationToken.None) ?? TimeSpan.Zero, TimeSpan.FromSeconds(2.1), TimeSpan.FromSeconds(3));

        await b.RecordSuccessAsync("carol", CancellationToken.None);
        Assert.Null(await a.RetryAfterAsync("carol", CancellationToken.None));
        await a.RecordFailureAsync("carol", Policy, CancellationToken.None);
        await b.RecordFailureAsync("carol", Policy, CancellationToken.None);
        Assert.Null(await a.RetryAfterAsync("carol", CancellationToken.None));
    }

    [Fact]
    public async Task FrozenRedis_FailsOpenToThisNodesOwnRecordsWithinTheBudget()
    {
        var a = Lockout();
        await a.RecordFailureAsync("dave", Policy, CancellationToken.None);
        await redis.Server.FreezeAsync(CancellationToken.None);
        try
        {
            var started = TimeProvider.System.GetTimestamp();
            for (var i = 0; i < 3; i++)
            {
                await a.RecordFailureAsync("dave", Policy, CancellationToken.None);
            }

            // Counted here alone: three local failures lock the name on this node.
            Assert.NotNull(await a.RetryAfterAsync("dave", CancellationToken.None));
            Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(3), "one budget's wait, not one per call");
        }
        finally
        {
            await redis.Server.ThawAsync(CancellationToken.None);
        }
    }

    private RedisFailureLockout Lockout()
    {
        var connection = new RedisConnection(Options.Create(_options));
        _connections.Add(connection);
        return new RedisFailureLockout(connection, Options.Create(_options), TimeProvider.System, NullLogger<RedisFailureLockout>.Instance);
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
