using System.Net.Sockets;
using System.Text;

namespace Babelcast.Server.Tests.WebSockets;

/// <summary>
/// A client that completes the WebSocket handshake over a raw TCP socket and then goes silent: it neither reads nor
/// answers pings, yet never closes the TCP connection, like a phone that lost its network without a FIN or RST.
/// </summary>
internal sealed class SilentPeer : IDisposable
{
    private readonly TcpClient _tcp;

    private SilentPeer(TcpClient tcp) => _tcp = tcp;

    public static async Task<SilentPeer> ConnectAsync(Uri baseUri, string pathAndQuery, CancellationToken cancellationToken, int? receiveBufferBytes = null)
    {
        var tcp = new TcpClient();
        if (receiveBufferBytes is { } bytes)
        {
            // A small receive buffer makes the server's sends block sooner: the kernel absorbs less.
            tcp.ReceiveBufferSize = bytes;
        }

        try
        {
            await tcp.ConnectAsync(baseUri.Host, baseUri.Port, cancellationToken);
            var stream = tcp.GetStream();
            var request = $"GET {pathAndQuery} HTTP/1.1\r\nHost: {baseUri.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
                          "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(request), cancellationToken);

            // Read the response head byte by byte, so that nothing after it (the first WebSocket frames) is consumed.
            var head = new StringBuilder();
            var one = new byte[1];
            while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
            {
                if (await stream.ReadAsync(one, cancellationToken) == 0)
                {
                    throw new IOException("Connection closed during the handshake: " + head);
                }

                head.Append((char)one[0]);
            }

            if (!head.ToString().StartsWith("HTTP/1.1 101", StringComparison.Ordinal))
            {
                throw new IOException("Upgrade refused: " + head);
            }

            return new SilentPeer(tcp);
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    public void Dispose() => _tcp.Dispose();
}
