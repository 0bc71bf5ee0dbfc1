using System.Net;
using System.Net.Sockets;
using System.Text;
using Babelcast.Server.Tests.Http;
using Babelcast.Server.Tests.WebSockets;
using Babelcast.Testing.Host;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;

namespace Babelcast.Server.Tests.Streaming;

public sealed class StreamLimitTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Stream_CountsAgainstListenerCapAndPerIpJoinLimit()
    {
        await using var own = await OwnServer.StartAsync(new Dictionary<string, string?>
        {
            ["Babelcast:Sessions:MaxListenersPerSession"] = "1",
            ["Babelcast:RateLimits:Join:PermitLimit"] = "3",
        });
        var server = own.Server;
        var id = await server.CreateSessionAsync(await server.GetTokenAsync());
        using var client = server.CreateClient();
        var first = await StreamCapture.OpenAsync(client, $"/api/sessions/{id}/stream/es.mp3");
        try
        {
            Assert.Equal(HttpStatusCode.OK, first.Response.StatusCode);
            using (var full = await client.GetAsync($"/api/sessions/{id}/stream/fr.mp3"))
            {
                await ProblemAssert.IsProblemAsync(full, HttpStatusCode.ServiceUnavailable, "SESSION_FULL");
            }

            // A WebSocket listener finds the seat taken by the stream client too.
            await using (var ws = await ProtocolClient.ConnectAsync(server.WebSocketUri($"/ws/listen?sessionId={id}&targetLanguage=es")))
            {
                var error = await ws.WaitForTypeAsync("error", Wait);
                Assert.Equal("SESSION_FULL", error.Text("code"));
            }

            using var limited = await client.GetAsync($"/api/sessions/{id}/stream/es.mp3");
            var problem = await ProblemAssert.IsProblemAsync(limited, HttpStatusCode.TooManyRequests, "RATE_LIMIT_EXCEEDED");
            Assert.True(problem.GetProperty("retryAfter").GetInt32() > 0);
            Assert.NotNull(limited.Headers.RetryAfter);
        }
        finally
        {
            await first.DisposeAsync();
        }
    }

    [Fact]
    public async Task Stream_ClientThatDoesNotRead_IsDroppedWithoutAffectingAnotherStream()
    {
        // Kestrel holds up to 1 MiB per connection in its transport and 64 KiB in the response before a write waits, and
        // the kernel more: small buffers here make a stuck client show within seconds instead of minutes.
        await using var own = await OwnServer.StartAsync(
            new Dictionary<string, string?> { ["Babelcast:Stream:MaxBufferedBytes"] = "16384" },
            services =>
            {
                services.Configure<SocketTransportOptions>(o =>
                {
                    o.MaxWriteBufferSize = 4096;
                    // Accepted sockets inherit the listener's send buffer; a fixed one stops loopback's autotuning (MBs).
                    o.CreateBoundListenSocket = endpoint =>
                    {
                        var socket = SocketTransportOptions.CreateDefaultBoundListenSocket(endpoint);
                        socket.SendBufferSize = 8192;
                        return socket;
                    };
                });
                services.Configure<KestrelServerOptions>(o => o.Limits.MaxResponseBufferSize = 4096);
            });
        var server = own.Server;
        var id = await server.CreateSessionAsync(await server.GetTokenAsync());
        using var client = server.CreateClient();
        client.Timeout = Timeout.InfiniteTimeSpan;
        var good = await StreamCapture.OpenAsync(client, $"/api/sessions/{id}/stream/es.mp3");
        try
        {
            using var slow = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 1024 };
            await slow.ConnectAsync(server.BaseUri.Host, server.BaseUri.Port);
            await slow.SendAsync(Encoding.ASCII.GetBytes($"GET /api/sessions/{id}/stream/es.mp3 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
            await WaitForListenersAsync(client, id, 2);

            // The slow client reads nothing: once the buffers in between are full it is cut off.
            await WaitForListenersAsync(client, id, 1, TimeSpan.FromSeconds(40));
            var before = good.Length;
            await Task.Delay(1500);
            Assert.False(good.Reading.IsCompleted, "the reading client must not be dropped");
            Assert.True(good.Length - before >= 5000, $"the reading client got {good.Length - before} bytes in 1.5 s");

            // The dropped client's response was cut off, not completed: it sees a reset or the end of the bytes
            // without the final empty chunk.
            var buffer = new byte[65536];
            var received = new List<byte>();
            int n;
            try
            {
                while ((n = await slow.ReceiveAsync(buffer).WaitAsync(Wait)) > 0)
                {
                    received.AddRange(buffer.AsSpan(0, n));
                }
            }
            catch (SocketException)
            {
                // Reset by the server (what it had buffered for the client may be lost with the reset).
            }

            Assert.False(
                Encoding.ASCII.GetString([.. received]).EndsWith("\r\n0\r\n\r\n", StringComparison.Ordinal),
                "the dropped client's response must not end like a complete chunked response");
        }
        finally
        {
            await good.DisposeAsync();
        }
    }

    private static async Task WaitForListenersAsync(HttpClient client, string id, int count, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? Wait);
        int seen;
        while ((seen = (await StreamEndpointTests.GetSessionAsync(client, id)).GetProperty("listenerCount").GetInt32()) != count)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"expected {count} listeners, have {seen}");
            await Task.Delay(100);
        }
    }
}
