using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;

namespace Babelcast.Bench.Clients;

/// <summary>
/// A lean listener for thousands of sockets: a small receive buffer, no documents, no payloads kept; it records the
/// Stopwatch time of the first byte of every message (the MP3 frame is read and dropped). A detailed listener also
/// keeps text, phrase offsets and the server's stage timings.
/// </summary>
public sealed class ListenerClient : IListener, IAsyncDisposable
{
    private const int BufferBytes = 2048;

    // Every client reads MP3 frames here at once: the bytes are dropped, so their interleaving does not matter.
    private static readonly Memory<byte> Sink = new byte[64 * 1024];

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

    /// <summary>
    /// Waits with a zero-byte read, so the timestamp is the arrival of the message's header and an idle client holds no
    /// buffer; reads an MP3 frame into one buffer that every client shares (its bytes are counted, never looked at) and
    /// text into the client's own. The token is registered once to abort the socket: a cancellable token on every
    /// receive would cost a registration per call, and 10,000 clients share the cores with the server they measure.
    /// </summary>
    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        var text = new ArrayBufferWriter<byte>(256);
        await using var abort = cancellationToken.UnsafeRegister(static s => ((ClientWebSocket)s!).Abort(), _socket);
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(Memory<byte>.Empty, CancellationToken.None);
                var first = Stopwatch.GetTimestamp();
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                var binary = result.MessageType == WebSocketMessageType.Binary;
                var bytes = 0;
                text.ResetWrittenCount();
                while (!result.EndOfMessage)
                {
                    result = binary
                        ? await _socket.ReceiveAsync(Sink, CancellationToken.None)
                        : await _socket.ReceiveAsync(text.GetMemory(BufferBytes), CancellationToken.None);
                    if (!binary)
                    {
                        text.Advance(result.Count);
                    }

                    bytes += result.Count;
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
                _arrivals.Add(new Arrival(ArrivalKind.AudioData, header.Seq, timestamp, bytes, header.Replay, header.ServerMs, 0, timestamp));
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

            _arrivals.Add(new Arrival(kind, seq, timestamp, bytes, replay, serverMs, index, timestamp));
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
