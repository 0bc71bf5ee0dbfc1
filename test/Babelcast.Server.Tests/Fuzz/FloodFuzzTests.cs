using System.Net;
using System.Text;
using Babelcast.Core.Protocol;
using Babelcast.Server.Tests.Http;
using Babelcast.Server.Tests.WebSockets;
using Babelcast.Testing.Host;
using Xunit.Abstractions;

namespace Babelcast.Server.Tests.Fuzz;

/// <summary>Floods that stay within the limits are all served; floods past a small limit get RATE_LIMIT_EXCEEDED.</summary>
[Collection(FuzzCollection.Name)]
public sealed class FloodFuzzTests(FuzzServerFixture fx, ITestOutputHelper output)
{
    private const int Heartbeats = 150;
    private const int Listeners = 30;

    [Fact]
    public async Task HeartbeatFlood_BothEndpoints_EveryHeartbeatAcknowledged()
    {
        var id = await fx.Server.CreateSessionAsync(fx.OwnerToken);
        await using var speaker = await fx.ConnectAsync($"/ws/speak?sessionId={id}&token={fx.OwnerToken}");
        await speaker.WaitForTypeAsync("connected", Waits.Long);
        await using var listener = await fx.ConnectAsync($"/ws/listen?sessionId={id}&targetLanguage=es");
        await listener.WaitForTypeAsync("sessionJoined", Waits.Long);
        output.WriteLine($"ws.heartbeatFlood: {2 * Heartbeats} cases");

        var heartbeat = Encoding.UTF8.GetBytes("{\"type\":\"heartbeat\"}");
        await Task.WhenAll(FloodAsync(speaker), FloodAsync(listener));

        foreach (var client in new[] { speaker, listener })
        {
            await client.WaitForAsync(_ => client.OfType("heartbeatAck").Count() >= Heartbeats, Waits.Long);
            Assert.Equal(Heartbeats, client.OfType("heartbeatAck").Count());
            Assert.DoesNotContain(client.Messages, m => m.Type == "error");
        }

        await fx.AssertControlAsync("ws.heartbeatFlood");

        async Task FloodAsync(ProtocolClient client)
        {
            for (var i = 0; i < Heartbeats; i++)
            {
                await client.SendAsync(heartbeat, System.Net.WebSockets.WebSocketMessageType.Text);
            }
        }
    }

    [Fact]
    public async Task ListenerConnectFlood_WithinLimits_AllJoined()
    {
        var id = await fx.Server.CreateSessionAsync(fx.OwnerToken);
        output.WriteLine($"ws.connectFlood: {Listeners} cases");
        var listeners = await Task.WhenAll(Enumerable.Range(0, Listeners).Select(i =>
            fx.ConnectAsync($"/ws/listen?sessionId={id}&targetLanguage={(i % 2 == 0 ? "es" : "fr")}")));
        try
        {
            var failures = new List<string>();
            for (var i = 0; i < listeners.Length; i++)
            {
                try
                {
                    await listeners[i].WaitForTypeAsync("sessionJoined", Waits.Long);
                }
                catch (TimeoutException ex)
                {
                    failures.Add($"listener {i}: {ex.Message}");
                }
            }

            Assert.True(failures.Count == 0, string.Join("\n", failures));
            using var client = fx.Client();
            var session = await ProblemAssert.JsonAsync(await client.GetAsync(new Uri($"/api/sessions/{id}", UriKind.Relative)), HttpStatusCode.OK);
            Assert.Equal(Listeners, session.GetProperty("listenerCount").GetInt32());
        }
        finally
        {
            foreach (var listener in listeners)
            {
                await listener.DisposeAsync();
            }
        }

        await fx.AssertControlAsync("ws.connectFlood");
    }

    [Fact]
    public async Task FloodsPastSmallLimits_OwnServer_RateLimitExceededWithRetryAfter()
    {
        await using var server = await BabelcastTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Babelcast:RateLimits:Token:PermitLimit"] = "3",
            ["Babelcast:RateLimits:SessionCreate:PermitLimit"] = "2",
            ["Babelcast:RateLimits:WebSocketConnect:PermitLimit"] = "3",
            ["Babelcast:RateLimits:Join:PermitLimit"] = "1000",
        });
        var token = await server.GetTokenAsync();
        var failures = new List<string>();
        var count = 0;
        using var client = server.CreateClient();

        // Token: one used above, two more within the limit, then refused.
        for (var i = 0; i < 6; i++)
        {
            using var content = new StringContent("{\"username\":\"admin\",\"password\":\"wrong-password\"}", Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(new Uri("/api/auth/token", UriKind.Relative), content);
            count++;
            await ExpectAsync(failures, $"token#{i + 2}", response, i < 2 ? HttpStatusCode.Unauthorized : HttpStatusCode.TooManyRequests,
                i < 2 ? ErrorCodes.InvalidCredentials : ErrorCodes.RateLimitExceeded);
        }

        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        string? sessionId = null;
        for (var i = 0; i < 5; i++)
        {
            using var content = new StringContent("{\"sourceLanguage\":\"en\"}", Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(new Uri("/api/sessions", UriKind.Relative), content);
            count++;
            if (i < 2)
            {
                var created = await ProblemAssert.JsonAsync(response, HttpStatusCode.Created);
                sessionId = created.GetProperty("sessionId").GetString();
            }
            else
            {
                await ExpectAsync(failures, $"create#{i + 1}", response, HttpStatusCode.TooManyRequests, ErrorCodes.RateLimitExceeded);
            }
        }

        var sockets = new List<ProtocolClient>();
        try
        {
            for (var i = 0; i < 6; i++)
            {
                var socket = await Waits.ConnectAsync(server.WebSocketUri($"/ws/listen?sessionId={sessionId}&targetLanguage=es"));
                sockets.Add(socket);
                count++;
                var first = await socket.WaitForAsync(m => m.Type is "sessionJoined" or "error", Waits.Long);
                if (i < 3)
                {
                    Check(failures, $"connect#{i + 1}", first.Type == "sessionJoined", $"expected sessionJoined, got {first.Json}");
                    continue;
                }

                Check(failures, $"connect#{i + 1}", first.Text("code") == ErrorCodes.RateLimitExceeded, $"expected RATE_LIMIT_EXCEEDED, got {first.Json}");
                Check(failures, $"connect#{i + 1}", first.Json.TryGetProperty("retryAfter", out var retry) && retry.GetInt32() > 0, "no positive retryAfter");
                await socket.WaitForCloseAsync(Waits.Long);
                Check(failures, $"connect#{i + 1}", socket.CloseStatus == SocketAssert.TryAgainLater, $"expected close 1013, got {(int?)socket.CloseStatus}");
            }
        }
        finally
        {
            foreach (var socket in sockets)
            {
                await socket.DisposeAsync();
            }
        }

        output.WriteLine($"rateLimit.exceeded: {count} cases");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        using var live = await client.GetAsync(new Uri("/healthz/live", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        await fx.AssertControlAsync("rateLimit.exceeded");
    }

    private static async Task ExpectAsync(List<string> failures, string name, HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != status || !body.Contains($"\"code\":\"{code}\"", StringComparison.Ordinal))
        {
            failures.Add($"{name}: expected {(int)status} {code}, got {(int)response.StatusCode}: {body}");
            return;
        }

        if (status == HttpStatusCode.TooManyRequests)
        {
            var retryAfter = response.Headers.RetryAfter?.Delta;
            Check(failures, name, retryAfter > TimeSpan.Zero, $"no positive Retry-After header ({response.Headers.RetryAfter})");
            Check(failures, name, body.Contains("\"retryAfter\":", StringComparison.Ordinal), $"no retryAfter in the body: {body}");
        }
    }

    private static void Check(List<string> failures, string name, bool condition, string message)
    {
        if (!condition)
        {
            failures.Add($"{name}: {message}");
        }
    }
}
