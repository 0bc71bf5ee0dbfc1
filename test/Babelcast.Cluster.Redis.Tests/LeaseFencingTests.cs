using System.ComponentModel.DataAnnotations;
using System.Diagnostics;

namespace Babelcast.Cluster.Redis.Tests;

[Trait("Category", "Cluster")]
[Collection(RedisCollection.Name)]
public sealed class LeaseFencingTests(RedisFixture redis)
{
    [Fact]
    public async Task A_node_that_cannot_reach_redis_gives_its_sessions_up_by_its_own_deadline()
    {
        var options = LeaseNode.OptionsFor(redis, TimeSpan.FromMilliseconds(3000), TimeSpan.FromMilliseconds(1000), TimeSpan.FromMilliseconds(300));
        await using var a = new LeaseNode("node-a", options);
        var lease = await a.Leases.TryAcquireAsync("s1", CancellationToken.None);
        Assert.NotNull(lease);
        using var stop = new CancellationTokenSource();
        var renewing = RenewUntilAsync(a, stop.Token);

        await Task.Delay(600);
        Assert.False(lease.IsLost);
        var frozen = Stopwatch.StartNew();
        await redis.Server.FreezeAsync(CancellationToken.None);
        try
        {
            await SessionLeaseTests.WaitForAsync(lease.Lost);
            // Given up lease - margin after the last renewal that Redis acknowledged: before the lease could have expired there.
            Assert.True(frozen.Elapsed < options.LeaseDuration, $"still working on the session {frozen.Elapsed} after Redis froze");
        }
        finally
        {
            await redis.Server.ThawAsync(CancellationToken.None);
            await stop.CancelAsync();
            await renewing;
        }

        Assert.Equal(0, a.Leases.HeldCount);
    }

    [Fact]
    public async Task A_replaced_owner_keeps_writing_under_its_old_generation_and_a_node_that_never_owned_under_none()
    {
        var options = LeaseNode.OptionsFor(redis, TimeSpan.FromMilliseconds(1200), TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(300));
        await using var a = new LeaseNode("node-a", options);
        await using var b = new LeaseNode("node-b", options);
        await using var c = new LeaseNode("node-c", options);
        var first = await a.Leases.TryAcquireAsync("s1", CancellationToken.None);
        Assert.NotNull(first);

        // Not renewed: the lease is lost on a's own deadline and expires in Redis; b takes the session over.
        await SessionLeaseTests.WaitForAsync(first.Lost);
        long? second = null;
        var clock = Stopwatch.StartNew();
        while (second is null && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            second = (await b.Leases.TryAcquireAsync("s1", CancellationToken.None))?.Generation;
            await Task.Delay(100);
        }

        Assert.NotNull(second);
        Assert.True(second > first.Generation);
        Assert.Equal(first.Generation, a.Leases.GenerationOf("s1"));
        Assert.Equal(second, b.Leases.GenerationOf("s1"));
        Assert.Equal(0, c.Leases.GenerationOf("s1"));
        Assert.Equal(0, a.Leases.GenerationOf("s2"));
    }

    [Theory]
    [InlineData("", "ConnectionString is required")]
    [InlineData("127.0.0.1:6379,notAnOption=1", "ConnectionString is not valid")]
    public void A_bad_connection_string_is_refused_naming_the_key(string connectionString, string expected)
    {
        var errors = Validate(new RedisClusterOptions { ConnectionString = connectionString });

        Assert.Contains(errors, error => error.Contains("Babelcast:Cluster:Redis:" + expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_renewal_slower_than_the_fencing_deadline_is_refused()
    {
        var errors = Validate(new RedisClusterOptions
        {
            ConnectionString = "127.0.0.1:6379",
            LeaseDuration = TimeSpan.FromSeconds(3),
            FencingMargin = TimeSpan.FromSeconds(1),
            LeaseRenewInterval = TimeSpan.FromSeconds(2),
        });

        Assert.Contains(errors, error => error.Contains("Babelcast:Cluster:Redis:LeaseRenewInterval", StringComparison.Ordinal));
        Assert.Empty(Validate(new RedisClusterOptions { ConnectionString = "127.0.0.1:6379" }));
    }

    private static List<string> Validate(RedisClusterOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(result => result.ErrorMessage ?? "").ToList();
    }

    private static async Task RenewUntilAsync(LeaseNode node, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            using var round = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            round.CancelAfter(node.Options.LeaseRenewInterval);
            try
            {
                await node.Leases.RenewAllAsync(round.Token);
                await Task.Delay(node.Options.LeaseRenewInterval, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // A renewal against a frozen Redis never answers; the next round starts on time regardless.
            }
        }
    }
}
