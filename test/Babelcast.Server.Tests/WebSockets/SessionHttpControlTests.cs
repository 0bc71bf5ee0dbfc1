using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;

namespace Babelcast.Server.Tests.WebSockets;

/// <summary>State changes made over HTTP (PATCH, DELETE) reach the live sockets.</summary>
[Collection(WebSocketServerCollection.Name)]
public sealed class SessionHttpControlTests(WebSocketServerFixture fx)
{
    [Fact]
    public async Task Delete_ByOwner_EveryListenerAndTheSpeakerGetSessionEnded()
    {
        var (id, speaker) = await fx.StartSessionAsync();
        await using var _ = speaker;
        await using var spanish = await fx.ListenSettledAsync(id, "es");
        await using var catalan = await fx.ListenSettledAsync(id, "ca");
        await using var secondSpanish = await fx.ListenSettledAsync(id, "es");

        await DeleteAsync(id);

        foreach (var client in new[] { spanish, catalan, secondSpanish, speaker })
        {
            var ended = await client.WaitForTypeAsync("sessionEnded", Waits.Long);
            Assert.Equal(id, ended.Text("sessionId"));
            Assert.False(string.IsNullOrWhiteSpace(ended.Text("reason")));
        }
    }

    [Fact]
    public async Task Delete_ByOwner_ServerClosesEveryLiveSocketAfterSessionEnded()
    {
        var (id, speaker) = await fx.StartSessionAsync();
        await using var _ = speaker;
        await using var listener = await fx.ListenSettledAsync(id, "es");

        await DeleteAsync(id);

        // An ended session has nothing more to send: the server closes its sockets (as it does after the speaker's own
        // "end") rather than leave them open until each client gives up.
        var open = new List<string>();
        foreach (var (client, name) in new[] { (listener, "listener"), (speaker, "speaker") })
        {
            await client.WaitForTypeAsync("sessionEnded", Waits.Long);
            var closing = client.WaitForCloseAsync(TimeSpan.FromSeconds(3));
            await Task.WhenAny(closing);
            if (!closing.IsCompletedSuccessfully)
            {
                open.Add($"{name} (state {client.State})");
            }
        }

        Assert.True(open.Count == 0, "still open 3 s after sessionEnded: " + string.Join(", ", open));
        Assert.Equal(WebSocketCloseStatus.NormalClosure, listener.CloseStatus);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, speaker.CloseStatus);
    }

    [Fact]
    public async Task Delete_WithoutListenersOrSpeaker_NewConnectionsRefused()
    {
        var id = await fx.CreateSessionAsync();
        await DeleteAsync(id);
        await using var listener = await fx.ConnectAsync($"/ws/listen?sessionId={id}&targetLanguage=es");
        await SocketAssert.RefusedAsync(listener, "SESSION_ENDED");
    }

    [Fact]
    public async Task Patch_PausedThenActive_ListenersGetBroadcastPausedThenResumed()
    {
        var (id, speaker) = await fx.StartSessionAsync();
        await using var _ = speaker;
        await using var spanish = await fx.ListenAsync(id, "es");
        await using var catalan = await fx.ListenAsync(id, "ca");

        foreach (var (status, broadcast) in new[] { ("paused", "broadcastPaused"), ("active", "broadcastResumed") })
        {
            var marks = new[] { SocketAssert.Mark(spanish), SocketAssert.Mark(catalan), SocketAssert.Mark(speaker) };
            using var client = fx.OwnerClient();
            using var response = await client.PatchAsJsonAsync(new Uri($"/api/sessions/{id}", UriKind.Relative), new { status });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

            Assert.Equal(id, (await SocketAssert.NextAsync(spanish, marks[0], broadcast)).Text("sessionId"));
            Assert.Equal(id, (await SocketAssert.NextAsync(catalan, marks[1], broadcast)).Text("sessionId"));
            var ack = await SocketAssert.NextAsync(speaker, marks[2], "statusChanged");
            Assert.Equal(status, ack.Text("status"));
        }
    }

    [Fact]
    public async Task Patch_PausedWithoutSpeaker_ListenerGetsBroadcastPaused()
    {
        var id = await fx.CreateSessionAsync();
        await using var listener = await fx.ListenAsync(id, "es");
        var mark = SocketAssert.Mark(listener);

        using var client = fx.OwnerClient();
        using var response = await client.PatchAsJsonAsync(new Uri($"/api/sessions/{id}", UriKind.Relative), new { status = "paused" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await SocketAssert.NextAsync(listener, mark, "broadcastPaused");
    }

    [Fact]
    public async Task Delete_RightAfterAListenerJoined_ListenerStillGetsSessionEnded()
    {
        // No speaker, so no pipeline to flush: the DELETE reaches the listener within milliseconds of its join.
        var id = await fx.CreateSessionAsync();
        await using var listener = await fx.ListenAsync(id, "es");

        // Within the listener's first few hundred milliseconds, while the server still waits to see whether it resumes.
        await DeleteAsync(id);

        var ended = await listener.WaitForTypeAsync("sessionEnded", Waits.Long);
        Assert.Equal(id, ended.Text("sessionId"));
    }

    private async Task DeleteAsync(string id)
    {
        using var client = fx.OwnerClient();
        using var response = await client.DeleteAsync(new Uri($"/api/sessions/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }
}
