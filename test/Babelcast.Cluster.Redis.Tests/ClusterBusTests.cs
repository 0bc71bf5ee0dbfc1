using System.Diagnostics;
using System.Text;
using Babelcast.Core.Broadcasting;
using Babelcast.Core.Sessions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Babelcast.Cluster.Redis.Tests;

[Trait("Category", "Cluster")]
[Collection(RedisCollection.Name)]
public sealed class ClusterBusTests(RedisFixture redis) : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly List<Func<Task>> _cleanup = [];
    private readonly RedisClusterOptions _options = new()
    {
        ConnectionString = redis.Server.ConnectionString,
        KeyPrefix = "b" + Guid.NewGuid().ToString("N")[..12],
        PresenceHeartbeat = TimeSpan.FromMilliseconds(200),
    };

    [Fact]
    public async Task Deliveries_reach_every_gateway_with_listeners_of_the_session_in_order_and_no_other()
    {
        var (a, _) = await StartGatewayAsync("gateway-a");
        var (b, _) = await StartGatewayAsync("gateway-b");
        var (c, serviceC) = await StartGatewayAsync("gateway-c");
        a.SetListeners("s1", ("es", 1));
        b.SetListeners("s1", ("es", 2), ("fr", 1));
        c.SetListeners("s2", ("es", 1));
        await WaitUntilAsync(async () => await SubscribersAsync("s1") == 2);

        var bus = Broadcaster();
        for (var seq = 1; seq <= 200; seq++)
        {
            bus.SendToListeners("s1", "es", Caption(seq));
        }

        bus.EndSession("s1", Frame("ended"));
        await WaitUntilAsync(() => Task.FromResult(a.Received.Count == 201 && b.Received.Count == 201));

        foreach (var gateway in new[] { a, b })
        {
            var received = gateway.Received.ToArray();
            Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), received.Take(200).Select(r => r.Delivery.Seq));
            Assert.All(received.Take(200), r => Assert.Equal("es", r.What));
            Assert.Equal("end", received[200].What);
            Assert.Equal("ended", Encoding.UTF8.GetString(received[200].Delivery.Frames[0].Payload.Span));
        }

        Assert.Empty(c.Received);
        Assert.Equal(1, serviceC.Subscriptions);
    }

    [Fact]
    public async Task A_revoked_co_operator_is_named_to_every_gateway_of_the_session_with_the_error()
    {
        var (a, _) = await StartGatewayAsync("gateway-a");
        var (b, _) = await StartGatewayAsync("gateway-b");
        a.SetListeners("s1", ("es", 1));
        b.SetListeners("s1", ("fr", 1));
        await WaitUntilAsync(async () => await SubscribersAsync("s1") == 2);

        Broadcaster().RevokeOperator("s1", "desk.operator", Frame("revoked"));
        await WaitUntilAsync(() => Task.FromResult(a.Received.Count == 1 && b.Received.Count == 1));

        foreach (var gateway in new[] { a, b })
        {
            var (sessionId, what, delivery) = gateway.Received.Single();
            Assert.Equal(("s1", "revoke:desk.operator"), (sessionId, what));
            Assert.Equal("revoked", Encoding.UTF8.GetString(delivery.Frames[0].Payload.Span));
        }
    }

    [Fact]
    public async Task A_gateway_unsubscribes_when_its_last_connection_of_the_session_leaves()
    {
        var (a, service) = await StartGatewayAsync("gateway-a");
        a.SetListeners("s1", ("es", 1));
        await WaitUntilAsync(async () => await SubscribersAsync("s1") == 1);

        a.SetListeners("s1");
        await WaitUntilAsync(async () => await SubscribersAsync("s1") == 0);

        Assert.Equal(0, service.Subscriptions);
    }

    [Fact]
    public async Task Listener_counts_are_summed_over_the_nodes_and_follow_joins_leaves_and_a_graceful_stop()
    {
        var (a, serviceA) = await StartGatewayAsync("gateway-a");
        var (b, _) = await StartGatewayAsync("gateway-b");
        var presence = new RedisListenerPresence(Connection(), Microsoft.Extensions.Options.Options.Create(_options), TimeProvider.System, NullLogger<RedisListenerPresence>.Instance);
        a.SetListeners("s1", ("es", 2));
        b.SetListeners("s1", ("es", 1), ("fr", 1));

        await WaitUntilAsync(() => Task.FromResult(Counts(presence) == "es=3,fr=1"));

        b.SetListeners("s1", ("es", 1));
        await WaitUntilAsync(() => Task.FromResult(Counts(presence) == "es=3"));
        Assert.Equal(["es"], presence.GetListenerLanguages("s1"));

        await serviceA.StopAsync(CancellationToken.None);
        await WaitUntilAsync(() => Task.FromResult(Counts(presence) == "es=1"));
    }

    [Fact]
    public async Task A_dead_nodes_counts_stop_counting_once_they_expire()
    {
        var presence = new RedisListenerPresence(Connection(), Microsoft.Extensions.Options.Options.Create(_options), TimeProvider.System, NullLogger<RedisListenerPresence>.Instance);
        var database = Connection().Multiplexer.GetDatabase();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await database.HashSetAsync($"{_options.KeyPrefix}:{{s1}}:presence", [
            new HashEntry("alive", $"{now + 60_000}|es=2"),
            new HashEntry("dead", $"{now - 1}|fr=5"),
            new HashEntry("garbage", "not a presence value"),
        ]);

        Assert.Equal("es=2", Counts(presence));
    }

    [Fact]
    public async Task State_changes_reach_every_gateway_of_the_session_and_a_gateway_joining_later_reads_the_last_flags()
    {
        var (a, _) = await StartGatewayAsync("gateway-a");
        var (b, _) = await StartGatewayAsync("gateway-b");
        a.SetListeners("s1", ("es", 1));
        b.SetListeners("s1", ("fr", 1));
        await WaitUntilAsync(async () => await SubscribersAsync("s1") == 2);

        var states = new RedisSessionStateBus(Connection(), Microsoft.Extensions.Options.Options.Create(_options), TimeProvider.System, NullLogger<RedisSessionStateBus>.Instance);
        states.Publish("s1", new SessionStateChange(SessionFlag.Paused, true));
        states.Publish("s1", new SessionStateChange(SessionFlag.Muted, true, Acknowledge: true));
        states.Publish("s1", new SessionStateChange(SessionFlag.Paused, false));
        states.Publish("s1", new SessionStateChange(SessionFlag.Held, true, Acknowledge: true));
        await WaitUntilAsync(() => Task.FromResult(a.States.Count == 4 && b.States.Count == 4));

        SessionStateChange[] expected =
            [new(SessionFlag.Paused, true), new(SessionFlag.Muted, true, true), new(SessionFlag.Paused, false), new(SessionFlag.Held, true, true)];
        Assert.Equal(expected, a.States.Select(s => s.Change));
        Assert.Equal(expected, b.States.Select(s => s.Change));

        // Read by a node that connects to the session later, and applied by a gateway when it subscribes.
        var known = await states.ReadAsync("s1", CancellationToken.None);
        SessionStateChange[] flags = [new(SessionFlag.Held, true), new(SessionFlag.Muted, true), new(SessionFlag.Paused, false)];
        Assert.Equal(flags, known.OrderByDescending(c => c.Flag));
        Assert.Empty(await states.ReadAsync("s2", CancellationToken.None));
        var (c, _) = await StartGatewayAsync("gateway-c");
        c.SetListeners("s1", ("it", 1));
        await WaitUntilAsync(() => Task.FromResult(c.States.Count == 3));
        Assert.Contains(c.States, s => s.Change == new SessionStateChange(SessionFlag.Muted, true));
        Assert.Contains(c.States, s => s.Change == new SessionStateChange(SessionFlag.Held, true));

        // The end forgets the flags.
        Broadcaster().EndSession("s1", Frame("ended"));
        await WaitUntilAsync(async () => (await states.ReadAsync("s1", CancellationToken.None)).Count == 0);
    }

    [Fact]
    public void An_envelope_round_trips_and_a_damaged_one_is_refused()
    {
        var delivery = new Delivery(DeliveryKind.Audio, 42, [Frame("{\"type\":\"x\"}"), new OutboundFrame(new byte[] { 0, 1, 2, 255 }, IsBinary: true)]);
        var bytes = BusEnvelope.Write(BusOperation.Listeners, "pt-BR", delivery);

        var (operation, language, read) = BusEnvelope.Read(bytes)!.Value;

        Assert.Equal(BusOperation.Listeners, operation);
        Assert.Equal("pt-BR", language);
        Assert.Equal(DeliveryKind.Audio, read.Kind);
        Assert.Equal(42, read.Seq);
        Assert.Equal(delivery.Frames.Select(f => (f.IsBinary, f.Payload.ToArray())), read.Frames.Select(f => (f.IsBinary, f.Payload.ToArray())));
        Assert.Null(BusEnvelope.Read(bytes.AsMemory(0, bytes.Length - 1)));
        Assert.Null(BusEnvelope.Read(bytes.Append((byte)0).ToArray()));
        bytes[0] = 99;
        Assert.Null(BusEnvelope.Read(bytes));
    }

    private static string Counts(IListenerPresence presence) =>
        string.Join(",", presence.GetListenerCounts("s1").OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}"));

    private async Task<(RecordingLocalDelivery Local, RedisGatewayService Service)> StartGatewayAsync(string id)
    {
        var local = new RecordingLocalDelivery();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Babelcast:Cluster:NodeId"] = id }).Build();
        var service = new RedisGatewayService(
            Connection(), local, new ClusterNode(configuration), Microsoft.Extensions.Options.Options.Create(_options),
            TimeProvider.System, NullLogger<RedisGatewayService>.Instance);
        await service.StartAsync(CancellationToken.None);
        _cleanup.Add(async () =>
        {
            await service.StopAsync(CancellationToken.None);
            service.Dispose();
        });
        return (local, service);
    }

    private RedisBroadcaster Broadcaster() => new(Connection(), Microsoft.Extensions.Options.Options.Create(_options));

    private RedisConnection Connection()
    {
        var connection = new RedisConnection(Microsoft.Extensions.Options.Options.Create(_options));
        _cleanup.Add(async () => await connection.DisposeAsync());
        return connection;
    }

    private async Task<long> SubscribersAsync(string sessionId)
    {
        var database = Connection().Multiplexer.GetDatabase();
        var result = await database.ExecuteAsync("PUBSUB", "NUMSUB", $"{_options.KeyPrefix}:{{{sessionId}}}:bus");
        return (long)((RedisResult[])result!)[1];
    }

    private static Delivery Caption(int seq) => new(DeliveryKind.FinalCaption, seq, [Frame($"caption {seq}")]);

    private static OutboundFrame Frame(string text) => new(Encoding.UTF8.GetBytes(text), IsBinary: false);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < Wait, "the condition did not become true in time");
            await Task.Delay(20);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        // Newest first: a service stops before the connection it was given closes.
        for (var i = _cleanup.Count - 1; i >= 0; i--)
        {
            await _cleanup[i]();
        }
    }
}
