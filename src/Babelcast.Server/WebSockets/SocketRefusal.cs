using System.Net.WebSockets;
using Babelcast.Core.Diagnostics;
using Babelcast.Core.Protocol;

namespace Babelcast.Server.WebSockets;

/// <summary>Sends an <c>error</c> on a socket and records it; refusals then close the socket.</summary>
internal sealed class SocketRefusal(BabelcastMetrics metrics, ILogger<SocketRefusal> logger)
{
    public static readonly WebSocketCloseStatus TryAgainLater = (WebSocketCloseStatus)1013;

    public async Task RefuseAsync(WebSocket socket, string path, string code, string message, CancellationToken cancellationToken,
        int? retryAfter = null, IEnumerable<string>? supported = null, WebSocketCloseStatus status = WebSocketCloseStatus.PolicyViolation)
    {
        Count(code);
        Log.Refused(logger, path, code);
        try
        {
            var frame = ConnectionMessages.Error(code, message, retryAfter, supported);
            await socket.SendAsync(frame.Payload, WebSocketMessageType.Text, true, cancellationToken);
            await socket.CloseOutputAsync(status, code, cancellationToken);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The client is already gone; nothing else to tell it.
        }
    }

    /// <summary>Reports a bad message on a live connection without closing it.</summary>
    public void Report(LiveConnection connection, string path, string code, string message, int? retryAfterSeconds = null)
    {
        Count(code);
        Log.ClientError(logger, path, connection.SessionId, code);
        connection.Send(ConnectionMessages.Error(code, message, retryAfterSeconds));
    }

    public void Count(string code) => metrics.Error(code);
}
