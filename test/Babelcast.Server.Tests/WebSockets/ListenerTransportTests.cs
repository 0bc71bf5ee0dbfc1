using System.Text;
using Babelcast.Core.Broadcasting;
using Babelcast.Server.WebSockets;
using Microsoft.Extensions.DependencyInjection;

namespace Babelcast.Server.Tests.WebSockets;

/// <summary>
/// A listener of the real server is written through its connection's transport (deliveries framed once, one write per
/// delivery), and what arrives is what the WebSocket's own sends would have carried.
/// </summary>
[Collection(WebSocketServerCollection.Name)]
public sealed class ListenerTransportTests(WebSocketServerFixture fx)
{
    [Fact]
    public async Task Listener_RealServer_IsWrittenThroughItsTransport()
    {
        var (id, speaker) = await fx.StartSessionAsync();
        await using var _ = speaker;
        await using var listener = await fx.ListenSettledAsync(id);

        var connection = Assert.Single(Hub().Find(id)!.ListenersOf("es"));

        Assert.NotNull(connection.Transport);
    }

    [Fact]
    public async Task AudioDelivery_FramedOnce_ArrivesAsHeaderThenTheWholeMp3()
    {
        var (id, speaker) = await fx.StartSessionAsync();
        await using var _ = speaker;
        await using var listener = await fx.ListenSettledAsync(id);
        var mp3 = Enumerable.Range(0, 70_000).Select(i => (byte)(i * 7)).ToArray(); // past 65,535: the 8-byte length
        var header = new OutboundFrame(Encoding.UTF8.GetBytes("""{"type":"audio","seq":99,"language":"es"}"""), false);

        Hub().DeliverToListeners(id, "es", new Delivery(DeliveryKind.Audio, 99, [header, new OutboundFrame(mp3, true)]));

        var audio = await listener.WaitForAsync(m => m.Type == "audioData", Waits.Long);
        Assert.Equal(99, audio.Seq);
        Assert.Equal(mp3, audio.Binary);
        await SocketAssert.RoundTripAsync(listener); // the stream of frames is still in step after it
    }

    private IConnectionStore Hub() => fx.Server.Services.GetRequiredService<IConnectionStore>();
}
