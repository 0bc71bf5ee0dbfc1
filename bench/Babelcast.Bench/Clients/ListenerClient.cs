using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;

namespace Babelcast.Bench.Clients;

/// <summary>
/// A lean listener for thousands of sockets: a small receive buffer, no documents, no payloads kept; it records the
/// Stopwatch time of the first byte of every message (the MP3 frame is read and dropped). A detailed listener also
/// keeps text, phrase offsets and the server's stage timings.
/// </summary>
public sealed class ListenerClient : IAsyncDisposable
{
    private const int BufferBytes = 2048;

    // One handler for every listener: a handler per socket (the default) costs memory and a connection pool each.
    private static readonly HttpMessageInvoker SharedInvoker = new(new SocketsHttpHandler { UseProxy = false });
    private readonly ClientWebSocket _socket = new();
    private readonly List<Arrival> _arrivals = [];
    private readonly List<MessageDetail> _details = [];
    private readonly Lock _gate = new();
    private readonly bool _detailed;
    private readonly TaskCompletionSource _joined = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _loop = Task.CompletedTask;
    private volatile bool _disposing;

    private ListenerClient(string language, bool detailed)
    {
        Language = language;
        _detailed = detailed;
        _socket.Options.SetBuffer(BufferBytes, 512);
        _socket.Options.KeepAliveInterval = TimeSpan.Zero;
    }

    public string Language { get; }

    public string? ErrorCode { get; private set; }

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public bool Failed { get; private set; }

    public long BytesReceived { get; private set; }

    public static async Task<ListenerClient> ConnectAsync(Uri baseWs, string sessionId, string language, bool detailed, CancellationToken cancellationToken)
    {
        var client = new ListenerClient(language, detailed);
        await client._socket.ConnectAsync(new Uri(baseWs, $"/ws/listen?sessionId={sessionId}&targetLanguage={language}"), SharedInvoker, cancellationToken);
        client._loop = Task.Run(() => client.ReceiveLoopAsync(cancellationToken), CancellationToken.None);
        return client;
    }

    /// <summary>Completes when <c>sessionJoined</c> arrives (or the socket fails).</summary>
    public Task Joined => _joined.Task;

    public List<Arrival> Snapshot()
    {
        lock (_gate)
        {
            return [.. _arrivals];
        }
    }

    public MessageDetail? DetailOf(Arrival arrival)
    {
        lock (_gate)
        {
            return arrival.Detail > 0 ? _details[arrival.Detail - 1] : null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposing = true;
        _socket.Abort();
        await _loop.ContinueWith(_ => { }, TaskScheduler.Default);
        _socket.Dispose();
    }

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        var text = new ArrayBufferWriter<byte>(256);
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer.AsMemory(0, BufferBytes), cancellationToken);
                var first = Stopwatch.GetTimestamp();
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                var bytes = result.Count;
                text.ResetWrittenCount();
                if (result.MessageType == WebSocketMessageType.Text)
                {
                    text.Write(buffer.AsSpan(0, result.Count));
                }

                while (!result.EndOfMessage)
                {
                    result = await _socket.ReceiveAsync(buffer.AsMemory(0, BufferBytes), cancellationToken);
                    bytes += result.Count;
                    if (result.MessageType == WebSocketMessageType.Text)
                    {
                        text.Write(buffer.AsSpan(0, result.Count));
                    }
                }

                BytesReceived += bytes;
                Record(result.MessageType, text.WrittenSpan, first, bytes);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            Failed = !_disposing;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            _joined.TrySetResult();
        }
    }

    private void Record(WebSocketMessageType type, ReadOnlySpan<byte> json, long timestamp, int bytes)
    {
        if (type == WebSocketMessageType.Binary)
        {
            lock (_gate)
            {
                var header = _arrivals.Count > 0 ? _arrivals[^1] : default;
                _arrivals.Add(new Arrival(ArrivalKind.AudioData, header.Seq, timestamp, bytes, header.Replay, header.ServerMs, 0));
            }

            return;
        }

        var (kind, seq, replay, serverMs, code, detail) = MessageParser.Parse(json, _detailed);
        lock (_gate)
        {
            var index = 0;
            if (detail is not null)
            {
                _details.Add(detail);
                index = _details.Count;
            }

            _arrivals.Add(new Arrival(kind, seq, timestamp, bytes, replay, serverMs, index));
        }

        if (kind == ArrivalKind.Error)
        {
            ErrorCode ??= code;
        }
        else if (kind == ArrivalKind.Joined)
        {
            _joined.TrySetResult();
        }
    }
}
