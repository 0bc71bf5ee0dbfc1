using Babelcast.Server.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Tests.WebSockets;

/// <summary>Connections that die without a goodbye are noticed and removed.</summary>
[Collection(WebSocketServerCollection.Name)]
public sealed class DeadConnectionTests(WebSocketServerFixture fx)
{
    [Fact]
    public async Task AbortedListener_TcpDropped_RemovedAndSpeakerSeesCountDecrease()
    {
        var (id, speaker) = await fx.StartSessionAsync();
        await using var _ = speaker;
        await using var staying = await fx.ListenAsync(id, "es");
        await using var dropped = await fx.ListenAsync(id, "ca");
        await SocketAssert.StatusAsync(speaker, 0, ("es", 1), ("ca", 1));
        var mark = SocketAssert.Mark(speaker);

        dropped.Abort();

        await SocketAssert.StatusAsync(speaker, mark, ("es", 1));

        // The survivor is still served by the fan-out.
        var listenerMark = SocketAssert.Mark(staying);
        await speaker.SendJsonAsync(new { type = "pause" });
        await SocketAssert.NextAsync(staying, listenerMark, "broadcastPaused");
    }

    [Fact]
    public async Task AbortedSpeaker_TcpDropped_OwnerReconnectsWithoutReplacingAGhost()
    {
        var (id, speaker) = await fx.StartSessionAsync();
        await using var listener = await fx.ListenAsync(id);
        await SocketAssert.StatusAsync(speaker, 0, ("es", 1));

        speaker.Abort();
        await speaker.DisposeAsync();

        await using var again = await fx.SpeakAsync(id);
        await SocketAssert.StatusAsync(again, 0, ("es", 1));
        await SocketAssert.AliveWithoutErrorsAsync(again, 0);
        var mark = SocketAssert.Mark(listener);
        await again.SendJsonAsync(new { type = "mute" });
        await SocketAssert.NextAsync(listener, mark, "broadcastMuted");
    }

    [Fact]
    public async Task SilentListener_NoPongsNoFin_DroppedByKeepAliveAndSpeakerSeesCountDecrease()
    {
        // Its own server: the keep-alive settings (Babelcast:WebSockets) are short so that the test is quick.
        await using var own = await OwnServer.StartAsync(new Dictionary<string, string?>
        {
            ["Babelcast:WebSockets:KeepAliveInterval"] = "00:00:01",
            ["Babelcast:WebSockets:KeepAliveTimeout"] = "00:00:02",
        });
        var server = own.Server;
        Assert.Equal(500, server.Services.GetRequiredService<IOptions<SessionOptions>>().Value.MaxListenersPerSession);
        var token = await server.GetTokenAsync();
        var id = await server.CreateSessionAsync(token);
        await using var speaker = await Waits.ConnectAsync(server.WebSocketUri($"/ws/speak?sessionId={id}&token={token}"));
        await speaker.WaitForTypeAsync("connected", Waits.Long);

        using var cts = new CancellationTokenSource(Waits.Long);
        using var silent = await SilentPeer.ConnectAsync(server.BaseUri, $"/ws/listen?sessionId={id}&targetLanguage=es", cts.Token);
        await SocketAssert.StatusAsync(speaker, 0, ("es", 1));
        var mark = SocketAssert.Mark(speaker);

        // Interval 1 s + timeout 2 s: gone well within the 10 s wait, while its TCP connection is still open.
        await SocketAssert.StatusAsync(speaker, mark);
    }
}
