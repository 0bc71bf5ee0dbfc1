using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Babelcast.Cluster.Redis.Tests;

[Trait("Category", "Cluster")]
[Collection(RedisCollection.Name)]
public sealed class RedisHealthCheckTests(RedisFixture redis)
{
    [Fact]
    public async Task Healthy_while_redis_answers_and_unhealthy_within_its_budget_while_it_is_frozen()
    {
        var options = LeaseNode.OptionsFor(redis, TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1));
        await using var node = new LeaseNode("a", options);
        await using var connection = new RedisConnection(Microsoft.Extensions.Options.Options.Create(options));
        var check = new RedisHealthCheck(connection, node.Leases, Microsoft.Extensions.Options.Options.Create(new SessionClaimOptions { MaxSessions = 4 }), TimeProvider.System);
        Assert.NotNull(await node.Leases.TryAcquireAsync("s1", CancellationToken.None));

        var healthy = await check.CheckHealthAsync(new HealthCheckContext(), CancellationToken.None);
        Assert.Equal(HealthStatus.Healthy, healthy.Status);
        Assert.Equal(1, healthy.Data["heldSessions"]);
        Assert.Equal(4, healthy.Data["sessionCapacity"]);

        await redis.Server.FreezeAsync(CancellationToken.None);
        try
        {
            var started = TimeProvider.System.GetTimestamp();
            var frozen = await check.CheckHealthAsync(new HealthCheckContext(), CancellationToken.None);
            Assert.Equal(HealthStatus.Unhealthy, frozen.Status);
            Assert.Contains("Redis unreachable", frozen.Description, StringComparison.Ordinal);
            Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(3));
        }
        finally
        {
            await redis.Server.ThawAsync(CancellationToken.None);
        }
    }
}
