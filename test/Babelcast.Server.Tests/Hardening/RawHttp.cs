using System.Net.Sockets;
using System.Text;

namespace Babelcast.Server.Tests.Hardening;

/// <summary>A raw HTTP/1.1 exchange over TCP, for requests HttpClient refuses to send (malformed chunking, huge Host).</summary>
internal static class RawHttp
{
    public sealed record Response(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
    {
        public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
    }

    /// <summary>Sends <paramref name="head"/> (request line and headers, without the blank line) and <paramref name="body"/>; reads to EOF.</summary>
    public static async Task<Response> SendAsync(Uri baseUri, string head, byte[]? body = null)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(baseUri.Host, baseUri.Port, cts.Token);
        var stream = tcp.GetStream();
        var request = Encoding.ASCII.GetBytes(head.TrimEnd('\r', '\n') + "\r\nConnection: close\r\n\r\n");

        // The server may answer (and close) before it has read everything: write and read at once.
        var writing = Task.Run(async () =>
        {
            try
            {
                await stream.WriteAsync(request, cts.Token);
                if (body is not null)
                {
                    for (var i = 0; i < body.Length; i += 8192)
                    {
                        await stream.WriteAsync(body.AsMemory(i, Math.Min(8192, body.Length - i)), cts.Token);
                    }
                }
            }
            catch (IOException)
            {
                // The server stopped reading: expected when it refuses the body.
            }
        }, cts.Token);

        using var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int n;
            while ((n = await stream.ReadAsync(buffer, cts.Token)) > 0)
            {
                await received.WriteAsync(buffer.AsMemory(0, n), cts.Token);
            }
        }
        catch (IOException) when (received.Length > 0)
        {
            // A reset after the response: what arrived is the answer.
        }

        await writing;
        return Parse(Encoding.UTF8.GetString(received.ToArray()));
    }

    private static Response Parse(string text)
    {
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (split < 0)
        {
            throw new InvalidOperationException("No HTTP response head in: " + text);
        }

        var lines = text[..split].Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        var body = text[(split + 4)..];
        if (headers.TryGetValue("Transfer-Encoding", out var te) && te.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = Dechunk(body);
        }

        return new Response(status, headers, body);
    }

    private static string Dechunk(string body)
    {
        var result = new StringBuilder();
        var at = 0;
        while (true)
        {
            var end = body.IndexOf("\r\n", at, StringComparison.Ordinal);
            var size = Convert.ToInt32(body[at..end], 16);
            if (size == 0)
            {
                return result.ToString();
            }

            result.Append(body, end + 2, size);
            at = end + 2 + size + 2;
        }
    }
}
