using System.Net.WebSockets;
using System.Threading.Channels;

namespace Babelcast.Server.Streaming;

/// <summary>
/// The end of a <see cref="WebSockets.LiveConnection"/> that an MP3 stream client registers in the session runtime. The
/// hub, the listener cap and counts, the slow-consumer rule and the end of a session all work on live connections
/// through their socket; a stream client adapts to that rather than adding a second path through each of them.
/// Binary frames (each phrase's MP3) go to <see cref="Phrases"/>; text frames (captions, status) are not for the
/// stream. Closing (the session ended, after its last phrase) completes <see cref="Phrases"/>; aborting (too slow
/// on the hub's side) cancels <see cref="Aborted"/>.
/// </summary>
internal sealed class StreamSocket : WebSocket
{
    private readonly Channel<ReadOnlyMemory<byte>> _phrases = Channel.CreateUnbounded<ReadOnlyMemory<byte>>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _aborted = new();
    private WebSocketState _state = WebSocketState.Open;

    public ChannelReader<ReadOnlyMemory<byte>> Phrases => _phrases.Reader;

    public CancellationToken Aborted => _aborted.Token;

    public override WebSocketCloseStatus? CloseStatus => _state == WebSocketState.Open ? null : WebSocketCloseStatus.NormalClosure;

    public override string? CloseStatusDescription => null;

    public override WebSocketState State => _state;

    public override string? SubProtocol => null;

    public override ValueTask SendAsync(ReadOnlyMemory<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken)
    {
        // The hub queues the same bytes for every listener and never reuses them: no copy needed.
        if (messageType == WebSocketMessageType.Binary)
        {
            _phrases.Writer.TryWrite(buffer);
        }

        return ValueTask.CompletedTask;
    }

    public override Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken) =>
        SendAsync(buffer.AsMemory(), messageType, endOfMessage, cancellationToken).AsTask();

    public override Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken) =>
        throw new NotSupportedException("A stream client sends nothing.");

    public override Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken)
    {
        _state = WebSocketState.CloseSent;
        _phrases.Writer.TryComplete();
        return Task.CompletedTask;
    }

    public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
        CloseOutputAsync(closeStatus, statusDescription, cancellationToken);

    public override void Abort()
    {
        _state = WebSocketState.Aborted;
        _phrases.Writer.TryComplete();
        _aborted.Cancel();
    }

    public override void Dispose()
    {
        _phrases.Writer.TryComplete();
        _aborted.Dispose();
    }
}
