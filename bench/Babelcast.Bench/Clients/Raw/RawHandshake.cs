using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Babelcast.Bench.Clients.Raw;

/// <summary>
/// Opens a listener's connection with blocking calls only: a socket that never ran an asynchronous operation is not
/// registered with .NET's own epoll, so the reactor alone is woken by its traffic.
/// </summary>
internal static class RawHandshake
{
    private const int MaxResponseBytes = 8 * 1024;

    public static Socket Open(Uri webSocketBase, string pathAndQuery, TimeSpan timeout)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.ReceiveTimeout = socket.SendTimeout = (int)timeout.TotalMilliseconds;
            socket.Connect(new IPEndPoint(IPAddress.Parse(webSocketBase.Host), webSocketBase.Port));
            var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            var request = $"GET {pathAndQuery} HTTP/1.1\r\nHost: {webSocketBase.Authority}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n" +
                $"Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: {key}\r\n\r\n";
            socket.Send(Encoding.ASCII.GetBytes(request));
            var headerBytes = ReadHeaders(socket);
            var head = Encoding.ASCII.GetString(headerBytes);
            if (!head.StartsWith("HTTP/1.1 101", StringComparison.Ordinal))
            {
                throw new IOException($"listener upgrade refused: {head.Split("\r\n")[0]}");
            }

            // Raw: .NET's SocketOptionName has no SO_TIMESTAMPNS and refuses values it cannot translate.
            socket.SetRawSocketOption(Libc.SolSocket, Libc.SoTimestampNs, BitConverter.GetBytes(1));
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Consumes the response's headers and nothing after them: peeks, then reads exactly up to the blank line.</summary>
    private static byte[] ReadHeaders(Socket socket)
    {
        var peek = new byte[MaxResponseBytes];
        while (true)
        {
            var got = socket.Receive(peek, SocketFlags.Peek);
            if (got == 0)
            {
                throw new IOException("listener upgrade: the server closed the connection.");
            }

            var end = peek.AsSpan(0, got).IndexOf("\r\n\r\n"u8);
            if (end >= 0)
            {
                var head = new byte[end + 4];
                var have = 0;
                while (have < head.Length)
                {
                    have += socket.Receive(head, have, head.Length - have, SocketFlags.None);
                }

                return head;
            }

            if (got == peek.Length)
            {
                throw new IOException("listener upgrade: response headers too long.");
            }

            // The rest of the headers is on its way.
            Thread.Sleep(1);
        }
    }
}
