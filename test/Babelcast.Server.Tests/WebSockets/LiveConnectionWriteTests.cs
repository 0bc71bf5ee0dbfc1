using System.Diagnostics.Metrics;
using System.Net.WebSockets;
using System.Text;
using Babelcast.Core.Broadcasting;
using Babelcast.Core.Diagnostics;
using Babelcast.Server.WebSockets;
using Microsoft.Extensions.DependencyInjection;

namespace Babelcast.Server.Tests.WebSockets;

/// <summary>
/// A connection writes on the enqueuing thread when it is idle (no task or work item per listener per message), keeps
/// later deliveries queued, in order and within its bounds while a write waits, and ends its writer when drained.
/// </summary>
public sealed class LiveConnectionWriteTests : IDisposable
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(10);
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Enqueue_BeforeTheWriterStarts_WritesNothing(bool framed)
    {
        var stream = new RecordingStream();
        using var socket = Socket(stream, framed, out var transport);
        var connection = Connection(socket, capacity: 16, transport);

        Assert.True(connection.Enqueue(Caption(1)));

        Assert.Empty(stream.Writes);
        Assert.Equal(1, connection.Queued);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task WriteLoop_Started_WritesWhatWasQueuedAndThenEachDeliveryBeforeEnqueueReturns(bool framed)
    {
        var stream = new RecordingStream();
        using var socket = Socket(stream, framed, out var transport);
        var connection = Connection(socket, capacity: 16, transport);
        connection.Enqueue(Caption(1));
        var writer = connection.WriteLoopAsync(CancellationToken.None);

        Assert.Equal(["caption 1"], Texts(stream));
        connection.Enqueue(Caption(2));
        connection.Enqueue(Audio(2, 100));

        Assert.Equal(["caption 1", "caption 2", "header 2", "binary 100"], Texts(stream));
        Assert.False(writer.IsCompleted);
        connection.CompleteSending();
        await writer.WaitAsync(Long);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void FanOut_ToIdleConnections_AllocatesNothingPerListener(bool framed)
    {
        var connections = Enumerable.Range(0, 200).Select(_ => Connection(Socket(new RecordingStream(keep: false), framed, out var t), capacity: 16, t)).ToList();
        foreach (var c in connections)
        {
            _ = c.WriteLoopAsync(CancellationToken.None);
            c.Enqueue(Audio(1, 14_000)); // Warms the JIT, the queues and the pooled send buffers (of this size).
        }

        var delivery = Audio(2, 14_000);
        _ = delivery.Wire; // Framed once per delivery, not per listener.
        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var c in connections)
        {
            c.Enqueue(delivery);
        }

        var perListener = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)connections.Count;
        Assert.True(perListener < 16, $"{perListener:F1} bytes allocated per listener");
        Assert.All(connections, c => Assert.Equal(0, c.Queued));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AWaitingWrite_QueuesLaterDeliveriesInOrderAndWritesThemOnRelease(bool framed)
    {
        var stream = new RecordingStream();
        using var socket = Socket(stream, framed, out var transport);
        var connection = Connection(socket, capacity: 16, transport);
        var writer = connection.WriteLoopAsync(CancellationToken.None);
        stream.Hold();

        connection.Enqueue(Caption(1));
        connection.Enqueue(Caption(2));
        connection.Enqueue(Caption(3));

        Assert.Equal(["caption 1"], Texts(stream));
        Assert.Equal(2, connection.Queued);
        stream.Release();
        connection.CompleteSending();
        await writer.WaitAsync(Long);
        Assert.Equal(["caption 1", "caption 2", "caption 3"], Texts(stream));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AWaitingWrite_OverTheMessageCount_IsTooSlow(bool framed)
    {
        var stream = new RecordingStream();
        using var socket = Socket(stream, framed, out var transport);
        var connection = Connection(socket, capacity: 4, transport);
        _ = connection.WriteLoopAsync(CancellationToken.None);
        stream.Hold();

        var accepted = Enumerable.Range(1, 10).TakeWhile(i => connection.Enqueue(Caption(i))).Count();

        Assert.Equal(5, accepted); // One being written, four queued.
        Assert.True(connection.TooSlow);
        stream.Release();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EndSession_WritesTheQueueThenClosesAndEndsTheWriter(bool framed)
    {
        var stream = new RecordingStream();
        using var socket = Socket(stream, framed, out var transport);
        var connection = Connection(socket, capacity: 16, transport);
        var writer = connection.WriteLoopAsync(CancellationToken.None);
        stream.Hold();
        connection.Enqueue(Caption(1));

        connection.EndSession(Text("ended"));
        Assert.False(writer.IsCompleted);
        stream.Release();

        await writer.WaitAsync(Long);
        Assert.Equal(["caption 1", "ended", "close"], Texts(stream));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AFailedWrite_EndsTheWriterAndLaterDeliveriesAreDropped(bool framed)
    {
        var stream = new RecordingStream { Fail = true };
        using var socket = Socket(stream, framed, out var transport);
        var connection = Connection(socket, capacity: 4, transport);
        var writer = connection.WriteLoopAsync(CancellationToken.None);

        connection.Enqueue(Caption(1));
        await writer.WaitAsync(Long);

        Assert.All(Enumerable.Range(2, 10), i => Assert.True(connection.Enqueue(Caption(i))));
        Assert.Equal(0, connection.Queued);
        Assert.False(connection.TooSlow);
    }

    [Fact]
    public async Task Enqueue_OverATransport_WritesEachDeliveryInOneWrite()
    {
        var stream = new RecordingStream();
        using var socket = Socket(stream, framed: true, out var transport);
        var connection = Connection(socket, capacity: 16, transport);
        var writer = connection.WriteLoopAsync(CancellationToken.None);

        connection.Enqueue(Audio(1, 100_000));
        connection.Enqueue(Caption(2));

        Assert.Equal(2, stream.Writes.Count);
        Assert.Equal(["header 1", "binary 100000", "caption 2"], Texts(stream));
        connection.CompleteSending();
        await writer.WaitAsync(Long);
    }

    [Fact]
    public async Task Enqueue_OverATransportAfterTheSocketClosed_WritesNothingAndEndsTheWriter()
    {
        var stream = new RecordingStream();
        using var socket = Socket(stream, framed: true, out var transport);
        var connection = Connection(socket, capacity: 16, transport);
        var writer = connection.WriteLoopAsync(CancellationToken.None);
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);

        connection.Enqueue(Caption(1));

        await writer.WaitAsync(Long);
        Assert.Equal(["close"], Texts(stream));
    }

    public void Dispose() => _services.Dispose();

    /// <summary>A server WebSocket over <paramref name="stream"/>; framed: through a <see cref="WebSocketTransport"/> the connection writes to.</summary>
    private static WebSocket Socket(Stream stream, bool framed, out WebSocketTransport? transport)
    {
        transport = framed ? new WebSocketTransport(stream) : null;
        return WebSocket.CreateFromStream(transport ?? stream, new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = TimeSpan.Zero });
    }

    private LiveConnection Connection(WebSocket socket, int capacity, WebSocketTransport? transport) =>
        new(socket, "session", "es", capacity, 1_000_000, new BabelcastMetrics(_services.GetRequiredService<IMeterFactory>()), "listen") { Transport = transport };

    private static OutboundFrame Text(string text) => new(Encoding.UTF8.GetBytes(text), false);

    private static Delivery Caption(long seq) => new(DeliveryKind.FinalCaption, seq, [Text($"caption {seq}")]);

    private static Delivery Audio(long seq, int bytes) => new(DeliveryKind.Audio, seq, [Text($"header {seq}"), new OutboundFrame(new byte[bytes], true)]);

    /// <summary>The written frames (server frames are unmasked): text payloads, "binary N" or "close".</summary>
    private static List<string> Texts(RecordingStream stream)
    {
        var bytes = stream.Writes.SelectMany(w => w).ToArray();
        var frames = new List<string>();
        var at = 0;
        while (at < bytes.Length)
        {
            var opcode = bytes[at] & 0x0F;
            long length = bytes[at + 1] & 0x7F;
            at += 2;
            if (length == 126)
            {
                length = (bytes[at] << 8) | bytes[at + 1];
                at += 2;
            }
            else if (length == 127)
            {
                length = (long)System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan(at, 8));
                at += 8;
            }

            frames.Add(opcode switch
            {
                1 => Encoding.UTF8.GetString(bytes, at, (int)length),
                2 => $"binary {length}",
                8 => "close",
                _ => $"opcode {opcode}",
            });
            at += (int)length;
        }

        return frames;
    }
}
