using System.Net.WebSockets;

namespace Babelcast.Server.WebSockets;

internal enum SocketMessageKind
{
    Text,
    Binary,
    Close,
    TooLarge,
}

internal readonly record struct SocketMessage(SocketMessageKind Kind, byte[] Data, int Length)
{
    public ReadOnlyMemory<byte> Payload => Data.AsMemory(0, Length);
}

/// <summary>Reads whole messages, enforcing size limits without ever buffering more than the limit.</summary>
internal static class SocketReader
{
    public static async Task<SocketMessage> ReceiveAsync(WebSocket socket, int maxText, int maxBinary, CancellationToken cancellationToken)
    {
        // Wait with a zero-byte read so that an idle socket (most listeners, most of the time) holds no buffer.
        var first = await socket.ReceiveAsync(Memory<byte>.Empty, cancellationToken);
        if (first.MessageType == WebSocketMessageType.Close)
        {
            return new SocketMessage(SocketMessageKind.Close, [], 0);
        }

        if (first.EndOfMessage)
        {
            var kind = first.MessageType == WebSocketMessageType.Text ? SocketMessageKind.Text : SocketMessageKind.Binary;
            return new SocketMessage(kind, [], 0);
        }

        var buffer = new byte[4096];
        var length = 0;
        var tooLarge = false;
        while (true)
        {
            if (length == buffer.Length && !tooLarge)
            {
                var max = Math.Max(maxText, maxBinary);
                if (buffer.Length >= max)
                {
                    tooLarge = true;
                }
                else
                {
                    Array.Resize(ref buffer, Math.Min(buffer.Length * 2, max));
                }
            }

            var target = tooLarge ? buffer.AsMemory() : buffer.AsMemory(length);
            var result = await socket.ReceiveAsync(target, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return new SocketMessage(SocketMessageKind.Close, [], 0);
            }

            if (!tooLarge)
            {
                length += result.Count;
            }

            var limit = result.MessageType == WebSocketMessageType.Text ? maxText : maxBinary;
            if (length > limit)
            {
                tooLarge = true;
            }

            if (result.EndOfMessage)
            {
                return tooLarge
                    ? new SocketMessage(SocketMessageKind.TooLarge, [], 0)
                    : new SocketMessage(result.MessageType == WebSocketMessageType.Text ? SocketMessageKind.Text : SocketMessageKind.Binary, buffer, length);
            }
        }
    }
}
