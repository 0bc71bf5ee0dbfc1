namespace Babelcast.Server.Tests.WebSockets;

/// <summary>The speaker gets <c>sessionStatus</c> (count per language) on every listener change.</summary>
[Collection(WebSocketServerCollection.Name)]
public sealed class ListenerCountTests(WebSocketServerFixture fx)
{
    [Fact]
    public async Task SessionStatus_JoinChangeLeaveAbort_PushedOnEveryChange()
    {
        var (id, speaker) = await fx.StartSessionAsync();
        await using var _ = speaker;
        await SocketAssert.StatusAsync(speaker, 0);

        var mark = SocketAssert.Mark(speaker);
        var a = await fx.ListenAsync(id, "es"); // disposed below, as the clean close under test
        await SocketAssert.StatusAsync(speaker, mark, ("es", 1));

        mark = SocketAssert.Mark(speaker);
        await using var b = await fx.ListenAsync(id, "ca");
        await SocketAssert.StatusAsync(speaker, mark, ("es", 1), ("ca", 1));

        mark = SocketAssert.Mark(speaker);
        await using var c = await fx.ListenAsync(id, "es");
        await SocketAssert.StatusAsync(speaker, mark, ("es", 2), ("ca", 1));

        mark = SocketAssert.Mark(speaker);
        await b.SendJsonAsync(new { type = "changeLanguage", targetLanguage = "es" });
        await SocketAssert.StatusAsync(speaker, mark, ("es", 3));

        mark = SocketAssert.Mark(speaker);
        await a.DisposeAsync(); // a clean close
        await SocketAssert.StatusAsync(speaker, mark, ("es", 2));

        mark = SocketAssert.Mark(speaker);
        c.Abort(); // the network drops
        await SocketAssert.StatusAsync(speaker, mark, ("es", 1));

        // One push per change: five changes since the first status, and nothing in between that was wrong.
        await SocketAssert.RoundTripAsync(speaker);
        var counts = speaker.Messages.Where(m => m.Type == "sessionStatus").Select(m => m.Json.GetProperty("listenerCount").GetInt32()).ToList();
        Assert.Equal([0, 1, 2, 3, 3, 2, 1], counts);
    }

    [Fact]
    public async Task SessionStatus_ListenersJoinedBeforeSpeaker_FirstStatusCountsThem()
    {
        var id = await fx.CreateSessionAsync();
        await using var a = await fx.ListenAsync(id, "es");
        await using var b = await fx.ListenAsync(id, "ca");

        await using var speaker = await fx.SpeakAsync(id);
        var first = await speaker.WaitForTypeAsync("sessionStatus", Waits.Long);
        Assert.Equal(2, first.Json.GetProperty("listenerCount").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["ca"] = 1, ["es"] = 1 }, SocketAssert.Distribution(first));
    }
}
