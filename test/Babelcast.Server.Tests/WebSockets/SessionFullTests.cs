using Babelcast.Server.Sessions;
using Babelcast.Testing.Host;

namespace Babelcast.Server.Tests.WebSockets;

/// <summary>The listener cap (<c>Babelcast:Sessions:MaxListenersPerSession</c>, 5 in the fixture) holds under concurrent joins.</summary>
[Collection(WebSocketServerCollection.Name)]
public sealed class SessionFullTests(WebSocketServerFixture fx)
{
    private const int Cap = WebSocketServerFixture.ListenerCap;

    [Fact]
    public void MaxListenersPerSession_NotConfigured_Is500()
    {
        Assert.Equal(500, new SessionOptions().MaxListenersPerSession);
    }

    [Fact]
    public async Task Join_TwentyConcurrentWithCapFive_ExactlyFiveJoinAndFifteenSessionFull()
    {
        var (id, speaker) = await fx.StartSessionAsync();
        await using var _ = speaker;
        var clients = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            fx.ConnectAsync($"/ws/listen?sessionId={id}&targetLanguage={(i % 2 == 0 ? "es" : "ca")}")));
        try
        {
            var firsts = await Task.WhenAll(clients.Select(c => c.WaitForAsync(m => m.Type is "sessionJoined" or "error", Waits.Long)));

            Assert.Equal(Cap, firsts.Count(m => m.Type == "sessionJoined"));
            var refusals = clients.Where((_, i) => firsts[i].Type == "error").ToList();
            Assert.Equal(20 - Cap, refusals.Count);
            foreach (var refused in refusals)
            {
                await SocketAssert.RefusedAsync(refused, "SESSION_FULL", SocketAssert.TryAgainLater);
            }

            // The speaker is told 5, and was never told more than 5.
            await SocketAssert.NextAsync(speaker, 0, m => m.Type == "sessionStatus" && m.Json.GetProperty("listenerCount").GetInt32() == Cap);
            await SocketAssert.RoundTripAsync(speaker);
            Assert.All(speaker.Messages.Where(m => m.Type == "sessionStatus"), m => Assert.InRange(m.Json.GetProperty("listenerCount").GetInt32(), 0, Cap));
            foreach (var joined in clients.Where((_, i) => firsts[i].Type == "sessionJoined"))
            {
                await SocketAssert.AliveWithoutErrorsAsync(joined, 0);
            }
        }
        finally
        {
            await Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask()));
        }
    }

    [Fact]
    public async Task Join_AfterAListenerLeftAFullSession_AdmittedAgain()
    {
        var (id, speaker) = await fx.StartSessionAsync();
        await using var _ = speaker;
        var listeners = new List<ProtocolClient>();
        try
        {
            for (var i = 0; i < Cap; i++)
            {
                listeners.Add(await fx.ListenAsync(id));
            }

            await using (var over = await fx.ConnectAsync($"/ws/listen?sessionId={id}&targetLanguage=es"))
            {
                await SocketAssert.RefusedAsync(over, "SESSION_FULL", SocketAssert.TryAgainLater);
            }

            var mark = SocketAssert.Mark(speaker);
            await listeners[0].DisposeAsync();
            listeners.RemoveAt(0);
            await SocketAssert.StatusAsync(speaker, mark, ("es", Cap - 1));

            listeners.Add(await fx.ListenAsync(id, "ca"));
            await SocketAssert.StatusAsync(speaker, mark, ("es", Cap - 1), ("ca", 1));
            await using var again = await fx.ConnectAsync($"/ws/listen?sessionId={id}&targetLanguage=es");
            await SocketAssert.RefusedAsync(again, "SESSION_FULL", SocketAssert.TryAgainLater);
        }
        finally
        {
            foreach (var l in listeners)
            {
                await l.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Join_FullSession_OtherSessionsStillAdmit()
    {
        var full = await fx.CreateSessionAsync();
        var listeners = new List<ProtocolClient>();
        try
        {
            for (var i = 0; i < Cap; i++)
            {
                listeners.Add(await fx.ListenAsync(full));
            }

            var other = await fx.CreateSessionAsync();
            listeners.Add(await fx.ListenAsync(other));
            await SocketAssert.AliveWithoutErrorsAsync(listeners[^1], 0);
        }
        finally
        {
            foreach (var l in listeners)
            {
                await l.DisposeAsync();
            }
        }
    }
}
