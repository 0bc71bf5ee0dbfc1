namespace Babelcast.Server.Tests.WebSockets;

/// <summary>Whatever goes wrong on one session, another session's speaker and listeners carry on untouched.</summary>
[Collection(WebSocketServerCollection.Name)]
public sealed class SessionIsolationTests(WebSocketServerFixture fx)
{
    [Fact]
    public async Task ErrorsOnOneSession_AnotherSession_KeepsWorkingAndSeesNothing()
    {
        await using var bad = await Pair.StartAsync(fx);
        await using var good = await Pair.StartAsync(fx);
        var goodMarks = (SocketAssert.Mark(good.Speaker), SocketAssert.Mark(good.Listener));

        // Every kind of bad input on the first session.
        var speaker = bad.Get("speak");
        var listener = bad.Get("listen");
        await speaker.SendTextAsync("{broken");
        await speaker.SendTextAsync("""{"type":"explode"}""");
        await speaker.SendTextAsync(InputLimitTests.PaddedHeartbeat(8000));
        await Waits.SendBinaryAsync(speaker, new byte[33]);
        await Waits.SendBinaryAsync(speaker, new byte[40_000]);
        await Waits.SendBinaryAsync(listener, new byte[320]);
        await listener.SendTextAsync("""{"type":"changeLanguage","targetLanguage":"zz"}""");
        await listener.SendTextAsync("[]");
        await using (var intruder = await fx.ConnectAsync($"/ws/speak?sessionId={bad.SessionId}&token={fx.OtherToken}"))
        {
            await SocketAssert.RefusedAsync(intruder, "FORBIDDEN");
        }

        await using (var replacement = await fx.SpeakAsync(bad.SessionId))
        {
            await speaker.WaitForAsync(m => m.Text("code") == "SPEAKER_REPLACED", Waits.Long);
            await speaker.SendJsonAsync(new { type = "pause" });
            await speaker.WaitForAsync(m => m.Text("code") == "NOT_CONNECTED", Waits.Long);
        }

        await SocketAssert.RoundTripAsync(listener);

        // The other session: both ends served, no error, no event, and its speaker still controls its listener.
        await SocketAssert.AliveWithoutErrorsAsync(good.Speaker, goodMarks.Item1);
        var between = await SocketAssert.RoundTripAsync(good.Listener, goodMarks.Item2);
        Assert.Empty(between);
        var mark = SocketAssert.Mark(good.Listener);
        await good.Speaker.SendJsonAsync(new { type = "mute" });
        await SocketAssert.NextAsync(good.Listener, mark, "broadcastMuted");
        await good.AssertBothServedAsync();
    }

    [Fact]
    public async Task EndingOneSession_AnotherSession_KeepsItsListeners()
    {
        await using var ending = await Pair.StartAsync(fx);
        await using var other = await Pair.StartAsync(fx);
        await SocketAssert.RoundTripAsync(ending.Listener);
        var mark = SocketAssert.Mark(other.Listener);

        await ending.Speaker.SendJsonAsync(new { type = "end" });
        await ending.Listener.WaitForTypeAsync("sessionEnded", Waits.Long);

        var between = await SocketAssert.RoundTripAsync(other.Listener, mark);
        Assert.Empty(between);
        await other.AssertBothServedAsync();
    }
}
