using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;
using Babelcast.Core.Protocol;

namespace Babelcast.Bench.Clients;

/// <summary>The speaker's WebSocket: sends PCM frames and records every JSON message the server sends back.</summary>
public sealed class SpeakerClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentQueue<ReceivedMessage> _messages = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly CancellationTokenSource _stop = new();
    private Task _receiveLoop = Task.CompletedTask;

    public IReadOnlyCollection<ReceivedMessage> Messages => _messages;

    public static async Task<SpeakerClient> ConnectAsync(Uri uri, CancellationToken cancellationToken)
    {
        var client = new SpeakerClient();
        await client._socket.ConnectAsync(uri, cancellationToken);
        client._receiveLoop = Task.Run(() => client.ReceiveLoopAsync(client._stop.Token), CancellationToken.None);
        return client;
    }

    public IEnumerable<ReceivedMessage> OfType(string type) => _messages.Where(m => m.Type == type);

    /// <summary>Only one caller sends at a time (the paced streamer), so no send lock is needed.</summary>
    public ValueTask SendAsync(ReadOnlyMemory<byte> data, WebSocketMessageType type, CancellationToken cancellationToken) =>
        _socket.SendAsync(data, type, endOfMessage: true, cancellationToken);

    public Task<ReceivedMessage> WaitForTypeAsync(string type, TimeSpan timeout) => WaitForAsync(m => m.Type == type, $"'{type}' message", timeout);

    public async Task<ReceivedMessage> WaitForAsync(Func<ReceivedMessage, bool> predicate, string what, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            if (_messages.FirstOrDefault(predicate) is { } match)
            {
                return match;
            }

            try
            {
                await _arrived.WaitAsync(TimeSpan.FromMilliseconds(200), cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No {what} within {timeout}; received: {string.Join(", ", _messages.Select(m => m.Type).Distinct())}");
            }
        }
    }

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
        _arrived.Dispose();
    }

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        try
        {
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

                if (result.MessageType == WebSocketMessageType.Text)
                {
                    var now = Stopwatch.GetTimestamp();
                    using var doc = JsonDocument.Parse(ms.ToArray());
                    var type = doc.RootElement.TryGetProperty(MessageFields.Type, out var t) ? t.GetString() ?? "?" : "?";
                    _messages.Enqueue(new ReceivedMessage(type, doc.RootElement.Clone(), now));
                    _arrived.Release();
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Closed or aborted.
        }
    }
}
