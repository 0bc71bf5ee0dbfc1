namespace Babelcast.Server.WebSockets;

/// <summary>
/// The upgraded connection under a WebSocket, with its writes taken one at a time. The WebSocket writes its own frames
/// (pings, close) through it while <see cref="LiveConnection"/> writes whole deliveries already framed
/// (<see cref="Babelcast.Core.Broadcasting.Delivery.Wire"/>): one write and one transport flush per listener per
/// delivery, where the WebSocket's API costs a send per frame (an audio message is two) and copies every payload into
/// its own buffer first. Frames never interleave: every write holds the gate until the transport took it.
/// </summary>
internal sealed class WebSocketTransport(Stream inner) : Stream
{
    private readonly SemaphoreSlim _writes = new(1, 1);

    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => false;

    public override bool CanWrite => inner.CanWrite;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        inner.ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    /// <summary>
    /// Writes unless another write is under way, then after it. A write the transport takes at once (its buffer has
    /// room) completes synchronously with nothing allocated, as the fan-out path needs.
    /// </summary>
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!_writes.Wait(0, CancellationToken.None))
        {
            return WriteAfterOthersAsync(buffer, cancellationToken);
        }

        ValueTask write;
        try
        {
            write = inner.WriteAsync(buffer, cancellationToken);
        }
        catch
        {
            _writes.Release();
            throw;
        }

        if (write.IsCompleted)
        {
            try
            {
                // Completed: consumed (not just inspected), so that a pooled source behind the ValueTask is returned.
#pragma warning disable CA1849 // It does not block: the write has completed.
                write.GetAwaiter().GetResult();
#pragma warning restore CA1849
                return ValueTask.CompletedTask;
            }
            catch (Exception ex)
            {
                return ValueTask.FromException(ex);
            }
            finally
            {
                _writes.Release();
            }
        }

        return ReleaseAfterAsync(write);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count)
    {
        _writes.Wait(CancellationToken.None);
        try
        {
            inner.Write(buffer, offset, count);
        }
        finally
        {
            _writes.Release();
        }
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override void Flush() => inner.Flush();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override ValueTask DisposeAsync() => inner.DisposeAsync();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // The gate is not disposed: a write still waiting on it must be able to finish (and fail on the stream).
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private async ValueTask WriteAfterOthersAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken)
    {
        await _writes.WaitAsync(cancellationToken);
        try
        {
            await inner.WriteAsync(buffer, cancellationToken);
        }
        finally
        {
            _writes.Release();
        }
    }

    private async ValueTask ReleaseAfterAsync(ValueTask write)
    {
        try
        {
            await write;
        }
        finally
        {
            _writes.Release();
        }
    }
}
