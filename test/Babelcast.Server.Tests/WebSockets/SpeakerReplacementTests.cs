namespace Babelcast.Server.Tests.WebSockets;

/// <summary>A second connection of the owner takes over; the old one is told so and is refused from then on.</summary>
[Collection(WebSocketServerCollection.Name)]
public sealed class SpeakerReplacementTests(WebSocketServerFixture fx)
{
    [Fact]
    public async Task SecondConnection_SameOwner_FirstGetsSpeakerReplacedAndSecondIsConnected()
    {
        var (id, first) = await fx.StartSessionAsync();
        await using var _ = first;
        await using var listener = await fx.ListenAsync(id);
        var mark = SocketAssert.Mark(first);

        await using var second = await fx.SpeakAsync(id);

        await SocketAssert.NextErrorAsync(first, mark, "SPEAKER_REPLACED");
        var status = await second.WaitForTypeAsync("sessionStatus", Waits.Long);
        Assert.Equal(1, status.Json.GetProperty("listenerCount").GetInt32());
        Assert.DoesNotContain(listener.Messages, m => m.Type is "error" or "sessionEnded");
    }

    public static TheoryData<string> OldConnectionSends() => ["heartbeat", "pause", "mute", "end", "audio"];

    [Theory]
    [MemberData(nameof(OldConnectionSends))]
    public async Task ReplacedConnection_KeepsSending_NotConnectedAndNothingHappens(string what)
    {
        var (id, first) = await fx.StartSessionAsync();
        await using var _ = first;
        await using var listener = await fx.ListenAsync(id);
        await using var second = await fx.SpeakAsync(id);
        await first.WaitForAsync(m => m.Type == "error" && m.Text("code") == "SPEAKER_REPLACED", Waits.Long);
        var mark = SocketAssert.Mark(first);
        var listenerMark = SocketAssert.Mark(listener);

        if (what == "audio")
        {
            await Waits.SendBinaryAsync(first, new byte[3200]);
        }
        else
        {
            await first.SendJsonAsync(new { type = what });
        }

        await SocketAssert.NextErrorAsync(first, mark, "NOT_CONNECTED");
        Assert.DoesNotContain(first.Messages.Skip(mark), m => m.Type is "heartbeatAck" or "statusChanged" or "sessionEnded");

        // The session went on as if nothing had been sent: listeners saw nothing, the new speaker is in charge.
        var between = await SocketAssert.RoundTripAsync(listener, listenerMark);
        Assert.Empty(between);
        var secondMark = SocketAssert.Mark(second);
        await second.SendJsonAsync(new { type = "pause" });
        Assert.Equal("paused", (await SocketAssert.NextAsync(second, secondMark, "statusChanged")).Text("status"));
        await SocketAssert.NextAsync(listener, listenerMark, "broadcastPaused");
    }

    [Fact]
    public async Task ReplacedConnection_Closes_NewSpeakerStaysInCharge()
    {
        var (id, first) = await fx.StartSessionAsync();
        await using var listener = await fx.ListenAsync(id);
        await using var second = await fx.SpeakAsync(id);
        await first.WaitForAsync(m => m.Type == "error" && m.Text("code") == "SPEAKER_REPLACED", Waits.Long);

        await first.DisposeAsync();
        await Waits.SendBinaryAsync(second, new byte[3200]);
        await SocketAssert.AliveWithoutErrorsAsync(second, 0);
        var mark = SocketAssert.Mark(listener);
        await second.SendJsonAsync(new { type = "mute" });
        await SocketAssert.NextAsync(listener, mark, "broadcastMuted");
    }
}
