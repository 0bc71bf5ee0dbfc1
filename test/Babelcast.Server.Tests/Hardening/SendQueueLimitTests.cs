using System.Diagnostics.Metrics;
using System.Net.WebSockets;
using Babelcast.Core.Broadcasting;
using Babelcast.Core.Diagnostics;
using Babelcast.Server.WebSockets;
using Microsoft.Extensions.DependencyInjection;

namespace Babelcast.Server.Tests.Hardening;

/// <summary>A socket's queue is bounded in bytes as well as messages, and so are live messages held during a replay.</summary>
public sealed class SendQueueLimitTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MemoryStream _stream = new();

    [Fact]
    public void LiveQueue_OverTheByteLimit_IsTooSlowEvenUnderTheMessageCount()
    {
        using var socket = Socket();
        var connection = Connection(socket, capacity: 100, maxBytes: 100_000);

        Assert.True(connection.Enqueue(Audio(1, 60_000)));
        Assert.False(connection.Enqueue(Audio(2, 60_000)));
        Assert.True(connection.TooSlow);
    }

    [Fact]
    public void LiveQueue_OneLargeFrameOnAnEmptyQueue_IsAccepted()
    {
        using var socket = Socket();
        var connection = Connection(socket, capacity: 100, maxBytes: 100_000);

        Assert.True(connection.Enqueue(Audio(1, 150_000)));
        Assert.False(connection.TooSlow);
    }

    [Fact]
    public void HeldDuringReplay_OverTheMessageCount_IsTooSlowInsteadOfGrowing()
    {
        using var socket = Socket();
        var connection = Connection(socket, capacity: 8, maxBytes: 1_000_000);
        connection.HoldForReplay();

        var accepted = Enumerable.Range(1, 20).TakeWhile(i => connection.Enqueue(Audio(i, 10))).Count();

        Assert.Equal(8, accepted);
        Assert.True(connection.TooSlow);
    }

    [Fact]
    public void HeldDuringReplay_OverTheByteLimit_IsTooSlow()
    {
        using var socket = Socket();
        var connection = Connection(socket, capacity: 1000, maxBytes: 100_000);
        connection.HoldForReplay();

        Assert.True(connection.Enqueue(Audio(1, 60_000)));
        Assert.False(connection.Enqueue(Audio(2, 60_000)));
        Assert.True(connection.TooSlow);
    }

    public void Dispose()
    {
        _stream.Dispose();
        _services.Dispose();
    }

    private WebSocket Socket() => WebSocket.CreateFromStream(_stream, new WebSocketCreationOptions { IsServer = true });

    private LiveConnection Connection(WebSocket socket, int capacity, long maxBytes) =>
        new(socket, "session", "es", capacity, maxBytes, new BabelcastMetrics(_services.GetRequiredService<IMeterFactory>()), "listen");

    private static Delivery Audio(long seq, int bytes) =>
        new(DeliveryKind.Audio, seq, [new OutboundFrame(new byte[bytes], true)]);
}
