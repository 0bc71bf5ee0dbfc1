using Babelcast.Testing;
using Babelcast.Testing.Host;
using Xunit.Abstractions;

namespace Babelcast.Server.Tests.Cluster;

/// <summary>
/// Bad days that are not a worker's death: Redis restarted under a live session (a persistent Redis, stopped and started
/// as an operator would), and the gateway a listener is connected to killed, the listener resuming through another
/// gateway with <c>resume{afterSeq}</c>. No final phrase is lost or repeated at any listener.
/// </summary>
[Trait("Category", "Cluster")]
[Collection(SoloCollection.Name)]
public sealed class ClusterOutageTests(ClusterFixture cluster, ITestOutputHelper output) : IClassFixture<ClusterFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task RedisRestartedThenListenersGatewayKilled_ListenersResumeElsewhere_MissNothingAndGetNothingTwice()
    {
        await cluster.RunAsync(output, ("gateway-a", "gateway"), [("gateway-b", "gateway"), ("worker-c", "worker")], RunScenarioAsync);
    }

    private async Task RunScenarioAsync(Deployment deployment, NodeSet nodes)
    {
        var gatewayA = nodes["gateway-a"];
        var token = await ClusterClient.TokenAsync(gatewayA);
        var sessionId = await ClusterClient.CreateSessionAsync(gatewayA, token);
        await using var speaker = await ProtocolClient.ConnectAsync(gatewayA.WebSocketUri($"/ws/speak?sessionId={sessionId}&token={token}"));
        await speaker.WaitForTypeAsync("connected", Wait);
        await using var onA = await ClusterClient.JoinAsync(gatewayA, sessionId, "es");
        await using var onB = await ClusterClient.JoinAsync(nodes["gateway-b"], sessionId, "es");

        var clips = TestData.RealClips().Take(8).ToList();
        var audio = clips.SelectMany(c => Wav.Read16kMono(c.File).Concat(new short[16000])).Concat(new short[32000]).ToArray();
        var streaming = speaker.StreamAudioAsync(audio);

        var first = await onB.WaitForAsync(m => m.Type == "caption" && m.Final, Wait);
        await cluster.Redis.StopAsync(CancellationToken.None);
        await Task.Delay(500);
        await cluster.Redis.RestartAsync(CancellationToken.None);

        // Captions go on after the restart; then B dies and its listener comes back through A, resuming.
        var later = await onB.WaitForAsync(m => m.Type == "caption" && m.Final && m.Seq > first.Seq, Wait);
        nodes["gateway-b"].Kill();
        await onB.WaitForCloseAsync(Wait);
        var lastOnB = onB.OfType("caption").Where(c => c.Final).Max(c => c.Seq);
        await using var resumed = await ProtocolClient.ConnectAsync(gatewayA.WebSocketUri($"/ws/listen?sessionId={sessionId}&targetLanguage=es"));
        await resumed.SendJsonAsync(new { type = "resume", afterSeq = lastOnB });
        await resumed.WaitForTypeAsync("sessionJoined", Wait);

        await streaming;
        await speaker.SendJsonAsync(new { type = "end" });
        await onA.WaitForTypeAsync("sessionEnded", Wait);
        await resumed.WaitForTypeAsync("sessionEnded", Wait);

        var stored = await deployment.StoredPhrasesAsync(sessionId);
        output.WriteLine($"{stored.Count} phrases; B had up to {lastOnB} (first {first.Seq}, later {later.Seq}): {string.Join(" | ", stored.Select(p => p.Text))}");
        Assert.True(stored.Count >= 4, $"{stored.Count} phrases stored");
        Assert.Equal(stored.Select(p => p.Seq), onA.OfType("caption").Where(c => c.Final).Select(c => c.Seq));
        var acrossGateways = onB.OfType("caption").Where(c => c.Final).Select(c => c.Seq)
            .Concat(resumed.OfType("caption").Where(c => c.Final).Select(c => c.Seq));
        Assert.Equal(stored.Select(p => p.Seq), acrossGateways);
        ClusterClient.AssertNoRepeatedPhrase(stored.Select(p => p.Text).ToList());
    }
}
