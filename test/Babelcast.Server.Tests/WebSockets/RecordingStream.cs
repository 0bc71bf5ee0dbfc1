namespace Babelcast.Server.Tests.WebSockets;

/// <summary>
/// The transport under a server WebSocket in unit tests: keeps what is written (or only counts it), can hold writes
/// pending like a full socket buffer, and can fail them like a vanished peer.
/// </summary>
internal sealed class RecordingStream(bool keep = true) : Stream
{
    private readonly Lock _gate = new();
    private readonly List<byte[]> _writes = [];
    private TaskCompletionSource? _held;

    public long Written { get; private set; }

    public bool Fail { get; set; }

    public override bool CanRead => true; // CreateFromStream requires it; nothing is read.

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public IReadOnlyList<byte[]> Writes
    {
        get
        {
            lock (_gate)
            {
                return [.. _writes];
            }
        }
    }

    /// <summary>Writes from now on stay pending until <see cref="Release"/>.</summary>
    public void Hold()
    {
        lock (_gate)
        {
            _held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void Release()
    {
        TaskCompletionSource? held;
        lock (_gate)
        {
            held = _held;
            _held = null;
        }

        held?.TrySetResult();
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (Fail)
        {
            return ValueTask.FromException(new IOException("peer gone"));
        }

        lock (_gate)
        {
            Written += buffer.Length;
            if (keep)
            {
                _writes.Add(buffer.ToArray());
            }

            return _held is { } held ? new ValueTask(held.Task) : ValueTask.CompletedTask;
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
