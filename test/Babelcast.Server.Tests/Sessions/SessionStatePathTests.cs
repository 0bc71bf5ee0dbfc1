using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using Babelcast.Server.Tests.WebSockets;
using Babelcast.Testing.Host;

namespace Babelcast.Server.Tests.Sessions;

/// <summary>
/// Pause, resume and end take one path whether they come over HTTP or from the speaker's socket: the listeners, the
/// speaker and the store see the same thing either way.
/// </summary>
[Collection(WebSocketServerCollection.Name)]
public sealed class SessionStatePathTests(WebSocketServerFixture fx)
{
    [Fact]
    public async Task End_OverHttpAndOverTheSocket_SameListenerMessagesCloseAndStoredState()
    {
        var overHttp = await EndAsync(viaSocket: false);
        var overSocket = await EndAsync(viaSocket: true);

        Assert.Equal(overHttp, overSocket);
        Assert.Equal("ended", overHttp.Stored);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, overHttp.ListenerClose);
    }

    [Fact]
    public async Task PauseAndResume_OverHttpAndOverTheSocket_SameListenerMessagesSpeakerAckAndStoredState()
    {
        var overHttp = await PauseResumeAsync(viaSocket: false);
        var overSocket = await PauseResumeAsync(viaSocket: true);

        Assert.Equal(overHttp, overSocket);
        Assert.Equal(["broadcastPaused", "broadcastResumed"], overHttp.Listener);
        Assert.Equal(["paused", "active"], overHttp.Acks);
        Assert.Equal(["paused", "active"], overHttp.Stored);
    }

    private async Task<EndSeen> EndAsync(bool viaSocket)
    {
        var (id, speaker) = await fx.StartSessionAsync();
        await using var _ = speaker;
        await using var spanish = await fx.ListenSettledAsync(id, "es");
        await using var catalan = await fx.ListenSettledAsync(id, "ca");
        var marks = (SocketAssert.Mark(spanish), SocketAssert.Mark(catalan));

        if (viaSocket)
        {
            await speaker.SendJsonAsync(new { type = "end" });
        }
        else
        {
            using var client = fx.OwnerClient();
            using var response = await client.DeleteAsync(new Uri($"/api/sessions/{id}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        var ended = await SocketAssert.NextAsync(spanish, marks.Item1, "sessionEnded");
        var endedCa = await SocketAssert.NextAsync(catalan, marks.Item2, "sessionEnded");
        var speakerEnded = await speaker.WaitForTypeAsync("sessionEnded", Waits.Long);
        await spanish.WaitForCloseAsync(Waits.Long);
        Assert.Equal(id, ended.Text("sessionId"));
        Assert.Equal(ended.Json.GetRawText(), endedCa.Json.GetRawText());
        Assert.Equal(ended.Json.GetRawText(), speakerEnded.Json.GetRawText());
        return new EndSeen(After(spanish, marks.Item1), ended.Text("reason"), spanish.CloseStatus, await StoredStatusAsync(id));
    }

    private async Task<PauseSeen> PauseResumeAsync(bool viaSocket)
    {
        var (id, speaker) = await fx.StartSessionAsync();
        await using var _ = speaker;
        await using var listener = await fx.ListenSettledAsync(id, "es");
        var listenerMark = SocketAssert.Mark(listener);
        var acks = new List<string>();
        var stored = new List<string>();
        foreach (var (status, message, broadcast) in new[] { ("paused", "pause", "broadcastPaused"), ("active", "resume", "broadcastResumed") })
        {
            var marks = (SocketAssert.Mark(listener), SocketAssert.Mark(speaker));
            if (viaSocket)
            {
                await speaker.SendJsonAsync(new { type = message });
            }
            else
            {
                using var client = fx.OwnerClient();
                using var response = await client.PatchAsJsonAsync(new Uri($"/api/sessions/{id}", UriKind.Relative), new { status });
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            await SocketAssert.NextAsync(listener, marks.Item1, broadcast);
            acks.Add((await SocketAssert.NextAsync(speaker, marks.Item2, "statusChanged")).Text("status"));
            stored.Add(await StoredStatusAsync(id));
        }

        // A round trip: anything else the change sent to the listener has arrived by now.
        await SocketAssert.RoundTripAsync(listener);
        return new PauseSeen(After(listener, listenerMark), acks, stored);
    }

    /// <summary>The types of the messages since <paramref name="mark"/>, heartbeat answers left out.</summary>
    private static List<string> After(ProtocolClient client, int mark) =>
        [.. client.Messages.Skip(mark).Select(m => m.Type).Where(t => t != "heartbeatAck")];

    private async Task<string> StoredStatusAsync(string id)
    {
        using var client = fx.OwnerClient();
        var view = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/sessions/{id}", UriKind.Relative));
        return view.GetProperty("status").GetString()!;
    }

    private sealed record EndSeen(List<string> Listener, string Reason, WebSocketCloseStatus? ListenerClose, string Stored)
    {
        public bool Equals(EndSeen? other) =>
            other is not null && Listener.SequenceEqual(other.Listener) && Reason == other.Reason && ListenerClose == other.ListenerClose && Stored == other.Stored;

        public override int GetHashCode() => HashCode.Combine(Reason, ListenerClose, Stored);
    }

    private sealed record PauseSeen(List<string> Listener, List<string> Acks, List<string> Stored)
    {
        public bool Equals(PauseSeen? other) =>
            other is not null && Listener.SequenceEqual(other.Listener) && Acks.SequenceEqual(other.Acks) && Stored.SequenceEqual(other.Stored);

        public override int GetHashCode() => HashCode.Combine(Listener.Count, Acks.Count, Stored.Count);
    }
}
