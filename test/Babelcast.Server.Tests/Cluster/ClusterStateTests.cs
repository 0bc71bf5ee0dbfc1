using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Babelcast.Server.Tests.WebSockets;
using Babelcast.Testing;
using Babelcast.Testing.Host;

namespace Babelcast.Server.Tests.Cluster;

/// <summary>
/// Pause, resume and mute in a cluster, with two in-process servers on one Redis and one PostgreSQL schema: gateway A
/// holds the speaker, node B (role all) runs the pipeline and takes the REST calls. A change made on either node
/// reaches the speaker, the pipeline and every listener, and a listener joining later on any node sees it.
/// </summary>
[Trait("Category", "Cluster")]
[Collection(SoloCollection.Name)]
public sealed class ClusterStateTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task PauseAndResumeOverRest_OnANodeWithoutTheSpeaker_ReachSpeakerPipelineAndListenersOnEveryNode()
    {
        var (a, b) = await cluster.StartTwoNodesAsync();
        await using var _ = a;
        await using var __ = b;
        var token = await a.GetTokenAsync(password: ClusterFixture.AdminPassword);
        var id = await a.CreateSessionAsync(token);
        await using var speaker = await SpeakAsync(a, id, token);
        await using var onA = await ListenAsync(a, id, "es");

        var first = Clip("goforward.wav");
        await speaker.StreamAudioAsync(first, realTime: false);
        await onA.WaitForAsync(m => m.Type == "caption" && m.Final, Wait);

        // B has no connection of the session: the pause must travel to A (speaker, listener) and to B's pipeline.
        var marks = (Speaker: SocketAssert.Mark(speaker), OnA: SocketAssert.Mark(onA));
        await PatchAsync(b, id, token, "paused");
        Assert.Equal("paused", (await SocketAssert.NextAsync(speaker, marks.Speaker, "statusChanged")).Text("status"));
        await SocketAssert.NextAsync(onA, marks.OnA, "broadcastPaused");
        await using var onB = await ListenAsync(b, id, "fr", expectedStatus: "paused");
        await (await ListenAsync(a, id, "es", expectedStatus: "paused")).DisposeAsync();

        // Speech while paused produces no phrase.
        var finals = FinalCount(speaker, onA, onB);
        await speaker.StreamAudioAsync(Clip("jfk.wav"), realTime: false);
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.Equal(finals, FinalCount(speaker, onA, onB));

        marks = (SocketAssert.Mark(speaker), SocketAssert.Mark(onA));
        var markB = SocketAssert.Mark(onB);
        await PatchAsync(b, id, token, "active");
        Assert.Equal("active", (await SocketAssert.NextAsync(speaker, marks.Speaker, "statusChanged")).Text("status"));
        await SocketAssert.NextAsync(onA, marks.OnA, "broadcastResumed");
        await SocketAssert.NextAsync(onB, markB, "broadcastResumed");
        await (await ListenAsync(b, id, "fr", expectedStatus: "active")).DisposeAsync();

        // Phrases flow again, timed by the audio the pipeline heard: had it heard the paused clip (11 s), the resumed
        // phrase would end long after the two clips it was given.
        var resumed = Clip("goforward.wav");
        await speaker.StreamAudioAsync(resumed, realTime: false);
        var caption = await onB.WaitForAsync(m => m.Type == "caption" && m.Final && !IsReplay(m), Wait);
        Assert.InRange(caption.Json.GetProperty("endMs").GetInt64(), 0, (first.Length + resumed.Length) / 16);
    }

    [Fact]
    public async Task MuteFromTheSpeaker_ListenersOnAnotherNodeAndLateJoinersThereSeeIt()
    {
        var (a, b) = await cluster.StartTwoNodesAsync();
        await using var _ = a;
        await using var __ = b;
        var token = await a.GetTokenAsync(password: ClusterFixture.AdminPassword);
        var id = await a.CreateSessionAsync(token);
        await using var speaker = await SpeakAsync(a, id, token);
        await using var onB = await ListenAsync(b, id, "es");
        await SocketAssert.StatusAsync(speaker, 0, ("es", 1)); // B counts it, so B is subscribed to the session.

        var marks = (Speaker: SocketAssert.Mark(speaker), OnB: SocketAssert.Mark(onB));
        await speaker.SendJsonAsync(new { type = "mute" });
        Assert.True((await SocketAssert.NextAsync(speaker, marks.Speaker, "statusChanged")).Json.GetProperty("muted").GetBoolean());
        await SocketAssert.NextAsync(onB, marks.OnB, "broadcastMuted");
        await (await ListenAsync(b, id, "fr", expectedMuted: true)).DisposeAsync();

        Assert.True((await SessionAsync(b, id)).GetProperty("muted").GetBoolean());

        marks = (SocketAssert.Mark(speaker), SocketAssert.Mark(onB));
        await speaker.SendJsonAsync(new { type = "unmute" });
        Assert.False((await SocketAssert.NextAsync(speaker, marks.Speaker, "statusChanged")).Json.GetProperty("muted").GetBoolean());
        await SocketAssert.NextAsync(onB, marks.OnB, "broadcastUnmuted");
        await (await ListenAsync(b, id, "fr", expectedMuted: false)).DisposeAsync();
    }

    [Fact]
    public async Task MuteBeforeAnyConnectionOnAnotherNode_ItsSessionViewAndFirstListenerShowMuted()
    {
        var (a, b) = await cluster.StartTwoNodesAsync();
        await using var _ = a;
        await using var __ = b;
        var token = await a.GetTokenAsync(password: ClusterFixture.AdminPassword);
        var id = await a.CreateSessionAsync(token);
        await using var speaker = await SpeakAsync(a, id, token);
        var mark = SocketAssert.Mark(speaker);
        await speaker.SendJsonAsync(new { type = "mute" });
        await SocketAssert.NextAsync(speaker, mark, "statusChanged");

        // B had no runtime of the session when the mute went out: it reads the flags kept in Redis.
        Assert.True((await SessionAsync(b, id)).GetProperty("muted").GetBoolean());
        await using var onB = await ListenAsync(b, id, "es", expectedMuted: true);
    }

    private static short[] Clip(string name) => Wav.Read16kMono(TestData.SpeechFile(name)).Concat(new short[12000]).ToArray();

    /// <summary>Live final phrases (a late joiner's replay of earlier captions does not count).</summary>
    private static int FinalCount(params ProtocolClient[] clients) =>
        clients.Sum(c => c.Messages.Count(m => m.Final && (m.Type is "caption" or "transcript") && !IsReplay(m)));

    private static bool IsReplay(ReceivedMessage message) => message.Json.TryGetProperty("replay", out var replay) && replay.GetBoolean();

    private static async Task<ProtocolClient> SpeakAsync(BabelcastTestServer server, string sessionId, string token)
    {
        var speaker = await Waits.ConnectAsync(server.WebSocketUri($"/ws/speak?sessionId={sessionId}&token={token}"));
        var first = await speaker.WaitForAsync(m => m.Type is "connected" or "error", Wait);
        Assert.Equal("connected", first.Type);
        return speaker;
    }

    private static async Task<ProtocolClient> ListenAsync(
        BabelcastTestServer server, string sessionId, string language, string expectedStatus = "active", bool expectedMuted = false)
    {
        var listener = await Waits.ConnectAsync(server.WebSocketUri($"/ws/listen?sessionId={sessionId}&targetLanguage={language}"));
        var joined = await listener.WaitForAsync(m => m.Type is "sessionJoined" or "error", Waits.Long);
        Assert.Equal("sessionJoined", joined.Type);
        Assert.Equal(expectedStatus, joined.Text("status"));
        Assert.Equal(expectedMuted, joined.Json.GetProperty("muted").GetBoolean());
        return listener;
    }

    private static async Task PatchAsync(BabelcastTestServer server, string sessionId, string token, string status)
    {
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.PatchAsJsonAsync(new Uri($"/api/sessions/{sessionId}", UriKind.Relative), new { status });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<JsonElement> SessionAsync(BabelcastTestServer server, string sessionId)
    {
        using var client = server.CreateClient();
        return await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/sessions/{sessionId}", UriKind.Relative));
    }
}
