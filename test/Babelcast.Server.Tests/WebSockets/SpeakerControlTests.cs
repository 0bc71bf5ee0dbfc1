using System.Net.WebSockets;
using System.Text.Json;

namespace Babelcast.Server.Tests.WebSockets;

/// <summary>The speaker's control messages: acknowledged to the speaker, fanned out to every listener.</summary>
[Collection(WebSocketServerCollection.Name)]
public sealed class SpeakerControlTests(WebSocketServerFixture fx)
{
    [Fact]
    public async Task Heartbeat_Speaker_AnsweredWithServerTime()
    {
        var (_, speaker) = await fx.StartSessionAsync();
        await using var _ = speaker;

        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var mark = SocketAssert.Mark(speaker);
        await speaker.SendJsonAsync(new { type = "heartbeat" });
        var ack = await SocketAssert.NextAsync(speaker, mark, "heartbeatAck");
        var serverTime = ack.Json.GetProperty("serverTime").GetInt64();
        Assert.InRange(serverTime, before - 5_000, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 5_000);
    }

    [Fact]
    public async Task PauseResumeMuteUnmute_Speaker_AcknowledgedAndFannedOutToEveryListener()
    {
        var (id, speaker) = await fx.StartSessionAsync();
        await using var _ = speaker;
        await using var spanish = await fx.ListenAsync(id, "es");
        await using var catalan = await fx.ListenAsync(id, "ca");

        (string Sent, string Status, bool Muted, string Broadcast)[] steps =
        [
            ("pause", "paused", false, "broadcastPaused"),
            ("mute", "paused", true, "broadcastMuted"),
            ("resume", "active", true, "broadcastResumed"),
            ("unmute", "active", false, "broadcastUnmuted"),
        ];
        foreach (var (sent, status, muted, broadcast) in steps)
        {
            var marks = (SocketAssert.Mark(speaker), SocketAssert.Mark(spanish), SocketAssert.Mark(catalan));
            await speaker.SendJsonAsync(new { type = sent });

            var ack = await SocketAssert.NextAsync(speaker, marks.Item1, "statusChanged");
            Assert.Equal(status, ack.Text("status"));
            Assert.Equal(muted, ack.Json.GetProperty("muted").GetBoolean());
            foreach (var (listener, mark) in new[] { (spanish, marks.Item2), (catalan, marks.Item3) })
            {
                var evt = await SocketAssert.NextAsync(listener, mark, broadcast);
                Assert.Equal(id, evt.Text("sessionId"));
            }
        }

        // The listeners got exactly these events, in this order.
        var broadcasts = new[] { "broadcastPaused", "broadcastMuted", "broadcastResumed", "broadcastUnmuted" };
        Assert.Equal(broadcasts, spanish.Messages.Select(m => m.Type).Where(t => t.StartsWith("broadcast", StringComparison.Ordinal)));
        Assert.Equal(broadcasts, catalan.Messages.Select(m => m.Type).Where(t => t.StartsWith("broadcast", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Pause_Speaker_StoredSoNewListenersJoinPaused()
    {
        var (id, speaker) = await fx.StartSessionAsync();
        await using var _ = speaker;
        var mark = SocketAssert.Mark(speaker);
        await speaker.SendJsonAsync(new { type = "pause" });
        await SocketAssert.NextAsync(speaker, mark, "statusChanged");

        using var client = fx.Server.CreateClient();
        using var doc = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/sessions/{id}", UriKind.Relative)));
        Assert.Equal("paused", doc.RootElement.GetProperty("status").GetString());
        await using var late = await fx.ListenAsync(id);
        Assert.Equal("paused", late.Messages.First(m => m.Type == "sessionJoined").Text("status"));
    }

    [Theory]
    [InlineData("pause")]
    [InlineData("resume")]
    [InlineData("mute")]
    [InlineData("unmute")]
    public async Task Control_RepeatedOrAlreadyInThatState_StillAcknowledged(string type)
    {
        var (_, speaker) = await fx.StartSessionAsync();
        await using var _ = speaker;

        // A client that waits for its ack must get one even when nothing changes (e.g. a double click on pause).
        for (var i = 0; i < 2; i++)
        {
            var mark = SocketAssert.Mark(speaker);
            await speaker.SendJsonAsync(new { type });
            var between = await SocketAssert.RoundTripAsync(speaker, mark);
            Assert.True(between.Count(m => m.Type == "statusChanged") == 1,
                $"'{type}' #{i + 1} was not acknowledged with exactly one statusChanged; got: {string.Join(", ", between.Select(m => m.Type))}");
        }
    }

    [Fact]
    public async Task End_Speaker_EveryoneGetsSessionEndedAndTheSessionIsOver()
    {
        var (id, speaker) = await fx.StartSessionAsync();
        await using var _ = speaker;
        await using var spanish = await fx.ListenSettledAsync(id, "es");
        await using var catalan = await fx.ListenSettledAsync(id, "ca");

        await speaker.SendJsonAsync(new { type = "end" });

        foreach (var client in new[] { speaker, spanish, catalan })
        {
            var ended = await client.WaitForTypeAsync("sessionEnded", Waits.Long);
            Assert.Equal(id, ended.Text("sessionId"));
            Assert.False(string.IsNullOrWhiteSpace(ended.Text("reason")));
        }

        await speaker.WaitForCloseAsync(Waits.Long);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, speaker.CloseStatus);
        using var http = fx.Server.CreateClient();
        using var doc = JsonDocument.Parse(await http.GetStringAsync(new Uri($"/api/sessions/{id}", UriKind.Relative)));
        Assert.Equal("ended", doc.RootElement.GetProperty("status").GetString());
        await using var late = await fx.ConnectAsync($"/ws/listen?sessionId={id}&targetLanguage=es");
        await SocketAssert.RefusedAsync(late, "SESSION_ENDED");
    }

    [Fact]
    public async Task End_RightAfterAListenerJoined_ListenerStillGetsSessionEnded()
    {
        var (id, speaker) = await fx.StartSessionAsync();
        await using var _ = speaker;
        await using var listener = await fx.ListenAsync(id, "es");

        await speaker.SendJsonAsync(new { type = "end" });

        await speaker.WaitForTypeAsync("sessionEnded", Waits.Long);
        var ended = await listener.WaitForTypeAsync("sessionEnded", Waits.Long);
        Assert.Equal(id, ended.Text("sessionId"));
    }
}
