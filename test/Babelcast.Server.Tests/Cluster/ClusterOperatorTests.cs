using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Babelcast.Server.Tests.WebSockets;
using Babelcast.Testing;
using Babelcast.Testing.Host;

namespace Babelcast.Server.Tests.Cluster;

/// <summary>
/// Hold during music and corrections in a cluster (two in-process servers on one Redis and one PostgreSQL schema):
/// gateway A holds the speaker, node B (role all) runs the pipeline and takes the REST calls. A hold made on B reaches
/// the speaker and the listeners on A and gates the pipeline; a correction made on A reaches a listener on B.
/// </summary>
[Trait("Category", "Cluster")]
[Collection(SoloCollection.Name)]
public sealed class ClusterOperatorTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task HoldOverRestOnAnotherNode_GatesTheSpeechEverywhere_CorrectionReachesListenersOnEveryNode()
    {
        var (a, b) = await cluster.StartTwoNodesAsync();
        await using var _ = a;
        await using var __ = b;
        var token = await a.GetTokenAsync(password: ClusterFixture.AdminPassword);
        var id = await a.CreateSessionAsync(token);
        await using var speaker = await SpeakAsync(a, id, token);
        await using var onA = await ListenAsync(a, id, "es", expectedHeld: false);

        var marks = (Speaker: SocketAssert.Mark(speaker), OnA: SocketAssert.Mark(onA));
        await PatchHeldAsync(b, id, token, true);
        var ack = await SocketAssert.NextAsync(speaker, marks.Speaker, "statusChanged");
        Assert.True(ack.Json.GetProperty("held").GetBoolean());
        Assert.Equal("active", ack.Text("status"));
        await SocketAssert.NextAsync(onA, marks.OnA, "broadcastHeld");
        await using var onB = await ListenAsync(b, id, "es", expectedHeld: true);

        // Speech while held makes no phrase on the pipeline node; a typed line still goes out to both nodes.
        await speaker.StreamAudioAsync(Clip("goforward.wav"), realTime: false);
        await speaker.SendJsonAsync(new { type = "typed", text = "The house is blue." });
        var typed = await speaker.WaitForAsync(m => m.Type == "transcript" && m.Final, Wait);
        Assert.Equal("typed", typed.Text("origin"));
        await onB.WaitForAsync(m => m.Type == "caption" && m.Final && m.Seq == typed.Seq, Wait);
        await onA.WaitForAsync(m => m.Type == "audioData" && m.Seq == typed.Seq, Wait);

        marks = (SocketAssert.Mark(speaker), SocketAssert.Mark(onA));
        var markB = SocketAssert.Mark(onB);
        await speaker.SendJsonAsync(new { type = "correct", seq = typed.Seq, text = "The house is green." });
        Assert.Equal("The house is green.", (await SocketAssert.NextAsync(speaker, marks.Speaker, "transcriptCorrected")).Text());
        Assert.Contains("verde", (await SocketAssert.NextAsync(onB, markB, "captionCorrected")).Text(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("verde", (await SocketAssert.NextAsync(onA, marks.OnA, "captionCorrected")).Text(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(speaker.Messages, m => m.Type == "transcript" && m.Final && m.Text("origin") != "typed");

        markB = SocketAssert.Mark(onB);
        await speaker.SendJsonAsync(new { type = "unhold" });
        await SocketAssert.NextAsync(onB, markB, "broadcastUnheld");
        await speaker.StreamAudioAsync(Clip("goforward.wav"), realTime: false);
        var spoken = await onB.WaitForAsync(m => m.Type == "caption" && m.Final && m.Text("origin") != "typed", Wait);
        Assert.True(spoken.Seq > typed.Seq);
    }

    private static short[] Clip(string name) => Wav.Read16kMono(TestData.SpeechFile(name)).Concat(new short[12000]).ToArray();

    private static async Task<ProtocolClient> SpeakAsync(BabelcastTestServer server, string sessionId, string token)
    {
        var speaker = await Waits.ConnectAsync(server.WebSocketUri($"/ws/speak?sessionId={sessionId}&token={token}"));
        Assert.Equal("connected", (await speaker.WaitForAsync(m => m.Type is "connected" or "error", Wait)).Type);
        return speaker;
    }

    private static async Task<ProtocolClient> ListenAsync(BabelcastTestServer server, string sessionId, string language, bool expectedHeld)
    {
        var listener = await Waits.ConnectAsync(server.WebSocketUri($"/ws/listen?sessionId={sessionId}&targetLanguage={language}"));
        var joined = await listener.WaitForAsync(m => m.Type is "sessionJoined" or "error", Waits.Long);
        Assert.Equal("sessionJoined", joined.Type);
        Assert.Equal(expectedHeld, joined.Json.GetProperty("held").GetBoolean());
        return listener;
    }

    private static async Task PatchHeldAsync(BabelcastTestServer server, string sessionId, string token, bool held)
    {
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.PatchAsJsonAsync(new Uri($"/api/sessions/{sessionId}", UriKind.Relative), new { held });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
