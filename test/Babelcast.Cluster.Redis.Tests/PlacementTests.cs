using System.Diagnostics;

namespace Babelcast.Cluster.Redis.Tests;

[Trait("Category", "Cluster")]
[Collection(RedisCollection.Name)]
public sealed class PlacementTests(RedisFixture redis)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private RedisClusterOptions Options(int leaseMs = 3000) => LeaseNode.OptionsFor(
        redis, TimeSpan.FromMilliseconds(leaseMs), TimeSpan.FromMilliseconds(leaseMs / 4), TimeSpan.FromMilliseconds(leaseMs / 4));

    [Fact]
    public async Task Workers_take_announced_sessions_up_to_their_capacity_and_a_full_cluster_leaves_the_rest_waiting()
    {
        var options = Options();
        await using var a = new WorkerNode("a", options, maxSessions: 2);
        await using var b = new WorkerNode("b", options, maxSessions: 2);
        await a.StartAsync();
        await b.StartAsync();

        foreach (var session in new[] { "s1", "s2", "s3", "s4", "s5" })
        {
            await a.Placement.AnnounceAsync(session, CancellationToken.None);
        }

        await WaitUntilAsync(() => a.Running.Count + b.Running.Count == 4);
        await Task.Delay(1000);

        Assert.Equal(2, a.Running.Count);
        Assert.Equal(2, b.Running.Count);
        Assert.Empty(a.Running.Keys.Intersect(b.Running.Keys));
    }

    [Fact]
    public async Task Sessions_spread_over_workers_that_have_room()
    {
        var options = Options();
        await using var a = new WorkerNode("a", options, maxSessions: 10);
        await using var b = new WorkerNode("b", options, maxSessions: 10);
        await a.StartAsync();
        await b.StartAsync();

        for (var i = 0; i < 6; i++)
        {
            await a.Placement.AnnounceAsync($"s{i}", CancellationToken.None);
            await Task.Delay(150);
        }

        await WaitUntilAsync(() => a.Running.Count + b.Running.Count == 6);
        Assert.InRange(a.Running.Count, 2, 4);
    }

    [Fact]
    public async Task A_graceful_stop_hands_its_sessions_to_another_worker_in_under_a_second()
    {
        var options = Options(leaseMs: 10_000);
        await using var a = new WorkerNode("a", options, maxSessions: 4);
        await a.StartAsync();
        await a.Placement.AnnounceAsync("s1", CancellationToken.None);
        await a.Placement.AnnounceAsync("s2", CancellationToken.None);
        await WaitUntilAsync(() => a.Running.Count == 2);
        await using var b = new WorkerNode("b", options, maxSessions: 4);
        await b.StartAsync();

        var handover = Stopwatch.StartNew();
        await a.StopAsync();
        await WaitUntilAsync(() => b.Running.Count == 2);

        Assert.True(handover.Elapsed < TimeSpan.FromSeconds(1), $"handover took {handover.Elapsed.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task A_crashed_workers_sessions_are_taken_over_once_its_leases_run_out()
    {
        var options = Options(leaseMs: 1200);
        await using var a = new WorkerNode("a", options, maxSessions: 4);
        await a.StartAsync();
        await a.Placement.AnnounceAsync("s1", CancellationToken.None);
        await WaitUntilAsync(() => a.Running.Count == 1);
        var first = a.Running["s1"];
        await using var b = new WorkerNode("b", options, maxSessions: 4);
        await b.StartAsync();
        await Task.Delay(500);
        Assert.Empty(b.Running);

        var crash = Stopwatch.StartNew();
        await a.CrashAsync();
        await WaitUntilAsync(() => b.Running.ContainsKey("s1"));

        Assert.True(crash.Elapsed < TimeSpan.FromSeconds(3), $"takeover took {crash.Elapsed.TotalMilliseconds:F0} ms");
        Assert.True(b.Running["s1"].Generation > first.Generation);
    }

    [Fact]
    public async Task A_withdrawn_session_is_not_claimed()
    {
        var options = Options();
        await using var a = new WorkerNode("a", options, maxSessions: 4);
        await a.Placement.AnnounceAsync("s1", CancellationToken.None);
        await a.Placement.WithdrawAsync("s1", CancellationToken.None);
        await a.Placement.AnnounceAsync("s2", CancellationToken.None);
        await a.StartAsync();

        await WaitUntilAsync(() => a.Running.ContainsKey("s2"));
        await Task.Delay(700);

        Assert.Equal(["s2"], a.Running.Keys);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < Wait, "the condition did not become true in time");
            await Task.Delay(20);
        }
    }
}
