using System.Buffers.Binary;
using System.Net.WebSockets;
using Babelcast.Core.Ingest;
using Babelcast.Core.Protocol;
using Babelcast.Server.Tests.WebSockets;
using Babelcast.Testing.Host;

namespace Babelcast.Server.Tests.Cluster;

/// <summary>
/// A numbering speaker (<c>framing=seq</c>) whose socket to one gateway dies reconnects through the other one and
/// resends: the session's Redis stream holds each frame once, though the first gateway may still be appending its own.
/// </summary>
[Trait("Category", "Cluster")]
public sealed class ClusterFrameNumberingTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Reconnect_ThroughTheOtherGateway_ResentFramesAppendedOnceInOrder()
    {
        var deployment = await cluster.NewDeployment();
        var settings = deployment.Settings.ToDictionary(kv => kv.Key, kv => (string?)kv.Value);
        settings["Babelcast:Cluster:Role"] = "gateway";
        await using var a = await BabelcastTestServer.StartAsync(new Dictionary<string, string?>(settings) { ["Babelcast:Cluster:NodeId"] = "node-a" });
        await using var b = await BabelcastTestServer.StartAsync(new Dictionary<string, string?>(settings) { ["Babelcast:Cluster:NodeId"] = "node-b" });
        var token = await a.GetTokenAsync(password: ClusterFixture.AdminPassword);
        var id = await a.CreateSessionAsync(token);

        var (first, connected) = await SpeakAsync(a, id, token);
        Assert.Equal(0, connected.Json.GetProperty(MessageFields.LastAudioSeq).GetInt64());
        await SendFramesAsync(first, 1, 10);
        await WaitForAsync(async () => await LastAppendedAsync(deployment, id) >= 10);

        // 11 to 20 go into a socket that dies under them; a may still be appending them while b takes the resends.
        await SendFramesAsync(first, 11, 20);
        first.Abort();
        await first.DisposeAsync();

        var (second, reconnected) = await SpeakAsync(b, id, token);
        await using var _ = second;
        Assert.InRange(reconnected.Json.GetProperty(MessageFields.LastAudioSeq).GetInt64(), 10, 20);
        await SendFramesAsync(second, 1, 30);

        await WaitForAsync(async () => (await AppendedFramesAsync(deployment, id)).Contains(30));
        Assert.Equal(Enumerable.Range(1, 30), await AppendedFramesAsync(deployment, id));
        Assert.Equal(30, await LastAppendedAsync(deployment, id));
    }

    [Fact]
    public async Task TwoLiveSocketsOnTwoGateways_SameFramesAtOnce_EachAppendedOnce()
    {
        var deployment = await cluster.NewDeployment();
        var settings = deployment.Settings.ToDictionary(kv => kv.Key, kv => (string?)kv.Value);
        settings["Babelcast:Cluster:Role"] = "gateway";
        await using var a = await BabelcastTestServer.StartAsync(new Dictionary<string, string?>(settings) { ["Babelcast:Cluster:NodeId"] = "node-a" });
        await using var b = await BabelcastTestServer.StartAsync(new Dictionary<string, string?>(settings) { ["Babelcast:Cluster:NodeId"] = "node-b" });
        var token = await a.GetTokenAsync(password: ClusterFixture.AdminPassword);
        var id = await a.CreateSessionAsync(token);

        // A half-open old socket on a (a node does not see a takeover on another node) and the new one on b both
        // deliver the same frames: only the append's own check in Redis stands between them.
        var (old, _) = await SpeakAsync(a, id, token);
        await using var _ = old;
        var (current, _) = await SpeakAsync(b, id, token);
        await using var __ = current;
        await Task.WhenAll(SendFramesAsync(old, 1, 40), SendFramesAsync(current, 1, 40));

        await WaitForAsync(async () => (await AppendedFramesAsync(deployment, id)).Contains(40));
        Assert.Equal(Enumerable.Range(1, 40), await AppendedFramesAsync(deployment, id));
    }

    private static async Task<(ProtocolClient Speaker, ReceivedMessage Connected)> SpeakAsync(BabelcastTestServer server, string sessionId, string token)
    {
        var speaker = await Waits.ConnectAsync(server.WebSocketUri($"/ws/speak?sessionId={sessionId}&token={token}&framing=seq"));
        var first = await speaker.WaitForAsync(m => m.Type is "connected" or "error", Waits.Long);
        Assert.Equal("connected", first.Type);
        return (speaker, first);
    }

    private static async Task SendFramesAsync(ProtocolClient speaker, int from, int to)
    {
        for (var seq = from; seq <= to; seq++)
        {
            var frame = new byte[8 + 3200];
            BinaryPrimitives.WriteInt64LittleEndian(frame, seq);
            BinaryPrimitives.WriteInt32LittleEndian(frame.AsSpan(8), seq);
            try
            {
                await Waits.SendBinaryAsync(speaker, frame);
            }
            catch (WebSocketException) when (speaker.State != WebSocketState.Open)
            {
                return;
            }
        }
    }

    private static async Task<long> LastAppendedAsync(Deployment deployment, string sessionId)
    {
        var value = await deployment.Redis.HashGetAsync($"{deployment.Prefix}:{{{sessionId}}}:ingest-writers", "client");
        return value.IsNull ? 0 : (long)value;
    }

    /// <summary>The frame numbers (first PCM bytes) of the audio entries of the session's stream, in stream order.</summary>
    private static async Task<List<int>> AppendedFramesAsync(Deployment deployment, string sessionId)
    {
        var entries = await deployment.Redis.StreamRangeAsync($"{deployment.Prefix}:{{{sessionId}}}:ingest");
        var audio = ((int)IngestKind.Audio).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return entries.Where(e => e["k"] == audio).Select(e => BinaryPrimitives.ReadInt32LittleEndian((byte[])e["a"]!)).ToList();
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < Waits.Long, "the frames never reached the session's stream");
            await Task.Delay(50);
        }
    }
}
