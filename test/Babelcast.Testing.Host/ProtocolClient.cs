using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Babelcast.Testing.Host;

/// <summary>A received WebSocket message: JSON text (with its type) or the binary frame that followed an audio header.</summary>
public sealed record ReceivedMessage(string Type, JsonElement Json, byte[]? Binary, long ReceivedTimestamp)
{
    public long Seq => Json.TryGetProperty("seq", out var s) ? s.GetInt64() : 0;

    public string Text(string name = "text") => Json.TryGetProperty(name, out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : string.Empty;

    public bool Final => Json.TryGetProperty("final", out var f) && f.GetBoolean();
}

/// <summary>A real WebSocket client of the Babelcast protocol that records everything it receives.</summary>
public sealed class ProtocolClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentQueue<ReceivedMessage> _messages = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private Task _receiveLoop = Task.CompletedTask;

    public IReadOnlyCollection<ReceivedMessage> Messages => _messages;

    public WebSocketState State => _socket.State;

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public static Task<ProtocolClient> ConnectAsync(Uri uri, CancellationToken cancellationToken = default) =>
        ConnectAsync(uri, invoker: null, cancellationToken);

    /// <summary>Connects through <paramref name="invoker"/> (e.g. a handler that pins a test certificate) when given.</summary>
    public static async Task<ProtocolClient> ConnectAsync(Uri uri, HttpMessageInvoker? invoker, CancellationToken cancellationToken = default)
    {
        var client = new ProtocolClient();
        await client._socket.ConnectAsync(uri, invoker, cancellationToken);
        client._receiveLoop = Task.Run(() => client.ReceiveLoopAsync(client._stop.Token), CancellationToken.None);
        return client;
    }

    public IEnumerable<ReceivedMessage> OfType(string type) => _messages.Where(m => m.Type == type);

    public async Task SendJsonAsync(object message, CancellationToken cancellationToken = default) =>
        await SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, cancellationToken);

    public async Task SendTextAsync(string text, CancellationToken cancellationToken = default) =>
        await SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, cancellationToken);

    public async Task SendAsync(ReadOnlyMemory<byte> data, WebSocketMessageType type, CancellationToken cancellationToken = default)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(data, type, true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Streams 16 kHz PCM16 samples as binary frames of <paramref name="frameMs"/>, paced at <paramref name="speed"/> times real time unless <paramref name="realTime"/> is false.</summary>
    public async Task StreamAudioAsync(short[] samples, int frameMs = 100, bool realTime = true, CancellationToken cancellationToken = default, double speed = 1)
    {
        var frame = 16 * frameMs;
        var started = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < samples.Length; i += frame)
        {
            var n = Math.Min(frame, samples.Length - i);
            await SendAsync(Wav.ToBytes(samples.AsSpan(i, n)), WebSocketMessageType.Binary, cancellationToken);
            if (realTime)
            {
                var due = TimeSpan.FromMilliseconds((i + n) / 16.0 / speed);
                var wait = due - started.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, cancellationToken);
                }
            }
        }
    }

    /// <summary>Waits until a received message satisfies <paramref name="predicate"/>.</summary>
    public async Task<ReceivedMessage> WaitForAsync(Func<ReceivedMessage, bool> predicate, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            var match = _messages.FirstOrDefault(predicate);
            if (match is not null)
            {
                return match;
            }

            try
            {
                await _arrived.WaitAsync(TimeSpan.FromMilliseconds(200), cts.Token);
            }
            catch (OperationCanceledException)
            {
                var seen = string.Join(", ", _messages.Select(m => m.Type).GroupBy(t => t).Select(g => $"{g.Key}x{g.Count()}"));
                throw new TimeoutException($"No matching message within {timeout}; received: {seen}");
            }
        }
    }

    public Task<ReceivedMessage> WaitForTypeAsync(string type, TimeSpan timeout) => WaitForAsync(m => m.Type == type, timeout);

    /// <summary>Waits until the server closes the socket.</summary>
    public async Task WaitForCloseAsync(TimeSpan timeout) => await _receiveLoop.WaitAsync(timeout);

    /// <summary>Drops the TCP connection without a close handshake, as a failing network would.</summary>
    public void Abort() => _socket.Abort();

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, cts.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
        }

        await _stop.CancelAsync();
        _socket.Abort();
        await _receiveLoop.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
        _socket.Dispose();
        _stop.Dispose();
    }

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            ReceivedMessage? pendingAudio = null;
            while (_socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                using var ms = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer, cancellationToken);
                    await ms.WriteAsync(buffer.AsMemory(0, result.Count), cancellationToken);
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                var now = System.Diagnostics.Stopwatch.GetTimestamp();
                if (result.MessageType == WebSocketMessageType.Binary)
                {
                    _messages.Enqueue(new ReceivedMessage("audioData", pendingAudio?.Json ?? default, ms.ToArray(), now));
                    pendingAudio = null;
                }
                else
                {
                    using var doc = JsonDocument.Parse(ms.ToArray());
                    var type = doc.RootElement.TryGetProperty("type", out var t) ? t.GetString() ?? "?" : "?";
                    var message = new ReceivedMessage(type, doc.RootElement.Clone(), null, now);
                    _messages.Enqueue(message);
                    if (type == "audio")
                    {
                        pendingAudio = message;
                    }
                }

                _arrived.Release();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Closed or aborted.
        }
    }
}
