using Babelcast.Server.WebSockets;

namespace Babelcast.Server.Tests.WebSockets;

/// <summary>
/// The transport takes one write at a time: a listener's framed deliveries and the WebSocket's own frames (pings, close)
/// share it, and bytes of two writes must never interleave.
/// </summary>
public sealed class WebSocketTransportTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task WriteAsync_WhileAWriteIsPending_WaitsForIt()
    {
        var stream = new RecordingStream();
        await using var transport = new WebSocketTransport(stream);
        stream.Hold();
        var first = transport.WriteAsync(new byte[] { 1 }).AsTask();

        var second = transport.WriteAsync(new byte[] { 2 }).AsTask();

        Assert.Single(stream.Writes);
        Assert.False(second.IsCompleted);
        stream.Release();
        await first.WaitAsync(Long);
        await second.WaitAsync(Long);
        Assert.Equal([[1], [2]], stream.Writes);
    }

    [Fact]
    public void WriteAsync_IdleTransport_CompletesSynchronously()
    {
        var stream = new RecordingStream();
        using var transport = new WebSocketTransport(stream);

        var write = transport.WriteAsync(new byte[] { 1, 2, 3 });

        Assert.True(write.IsCompletedSuccessfully);
        Assert.Equal(3, stream.Written);
    }

    [Fact]
    public async Task WriteAsync_AfterAFailedWrite_IsNotBlocked()
    {
        var stream = new RecordingStream { Fail = true };
        await using var transport = new WebSocketTransport(stream);

        await Assert.ThrowsAsync<IOException>(() => transport.WriteAsync(new byte[] { 1 }).AsTask());
        stream.Fail = false;

        await transport.WriteAsync(new byte[] { 2 }).AsTask().WaitAsync(Long);
        Assert.Equal([[2]], stream.Writes);
    }
}
