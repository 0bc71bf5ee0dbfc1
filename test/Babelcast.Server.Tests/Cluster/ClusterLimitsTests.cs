using System.Net;
using System.Net.Http.Json;
using Babelcast.Core.Protocol;
using Babelcast.Server.Tests.Http;
using Babelcast.Server.Tests.WebSockets;
using Babelcast.Testing.Host;

namespace Babelcast.Server.Tests.Cluster;

/// <summary>
/// Two in-process servers on one Redis and one PostgreSQL schema (two gateways behind a load balancer): a client gets
/// the rate limits, the sign-in lockout and the listener cap once across them, not once per node.
/// </summary>
[Trait("Category", "Cluster")]
public sealed class ClusterLimitsTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task TokenRequests_AlternatingBetweenTwoNodes_TheLimitPlusFirstIsRefusedWithRateLimitExceeded()
    {
        var (a, b) = await cluster.StartTwoNodesAsync("gateway", new Dictionary<string, string> { ["Babelcast:RateLimits:Token:PermitLimit"] = "3" });
        await using var _ = a;
        await using var __ = b;

        // Two through a, one through b: each node alone has counted fewer than 3, together they have 3.
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(a));
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(b));
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(a));

        using var client = b.CreateClient();
        using var refused = await client.PostAsJsonAsync("/api/auth/token", new { username = "admin", password = ClusterFixture.AdminPassword });
        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests, ErrorCodes.RateLimitExceeded);
        Assert.InRange(problem.GetProperty("retryAfter").GetInt32(), 1, 60);
    }

    [Fact]
    public async Task WrongPasswords_AlternatingBetweenTwoNodes_LockTheAccountOnBothAtTheLimit()
    {
        var (a, b) = await cluster.StartTwoNodesAsync("gateway", new Dictionary<string, string> { ["Babelcast:Auth:Lockout:MaxFailures"] = "3" });
        await using var _ = a;
        await using var __ = b;

        // Two wrong passwords through a, one through b: each node alone has seen fewer than 3.
        Assert.Equal(HttpStatusCode.Unauthorized, await TokenStatusAsync(a, "wrong-password"));
        Assert.Equal(HttpStatusCode.Unauthorized, await TokenStatusAsync(b, "wrong-password"));
        Assert.Equal(HttpStatusCode.Unauthorized, await TokenStatusAsync(a, "wrong-password"));

        foreach (var node in new[] { b, a })
        {
            using var client = node.CreateClient();
            using var locked = await client.PostAsJsonAsync("/api/auth/token", new { username = "admin", password = ClusterFixture.AdminPassword });
            var problem = await ProblemAssert.IsProblemAsync(locked, HttpStatusCode.TooManyRequests, ErrorCodes.RateLimitExceeded);
            Assert.InRange(problem.GetProperty("retryAfter").GetInt32(), 50, 60);
        }
    }

    [Fact]
    public async Task ListenerJoins_SpreadOverTwoNodes_TheCapHoldsAcrossThemAndALeaveFreesAPlace()
    {
        var (a, b) = await cluster.StartTwoNodesAsync("gateway", new Dictionary<string, string> { ["Babelcast:Sessions:MaxListenersPerSession"] = "3" });
        await using var _ = a;
        await using var __ = b;
        var token = await a.GetTokenAsync(password: ClusterFixture.AdminPassword);
        var sessionId = await a.CreateSessionAsync(token);
        var listeners = new List<ProtocolClient>();
        try
        {
            listeners.Add(await ListenAsync(a, sessionId));
            listeners.Add(await ListenAsync(b, sessionId));
            listeners.Add(await ListenAsync(b, sessionId));

            // a has one listener of 3 allowed; only the other node's two make the session full.
            await using (var overA = await Waits.ConnectAsync(ListenUri(a, sessionId)))
            {
                await SocketAssert.RefusedAsync(overA, ErrorCodes.SessionFull, SocketAssert.TryAgainLater);
            }

            await using (var overB = await Waits.ConnectAsync(ListenUri(b, sessionId)))
            {
                await SocketAssert.RefusedAsync(overB, ErrorCodes.SessionFull, SocketAssert.TryAgainLater);
            }

            // One of b's leaves: a admits one more (once b has written its new count).
            await listeners[2].DisposeAsync();
            listeners.RemoveAt(2);
            listeners.Add(await ListenEventuallyAsync(a, sessionId));
        }
        finally
        {
            foreach (var listener in listeners)
            {
                await listener.DisposeAsync();
            }
        }
    }

    private static async Task<HttpStatusCode> TokenStatusAsync(BabelcastTestServer server, string password = ClusterFixture.AdminPassword)
    {
        using var client = server.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { username = "admin", password });
        return response.StatusCode;
    }

    private static Uri ListenUri(BabelcastTestServer server, string sessionId) =>
        server.WebSocketUri($"/ws/listen?sessionId={sessionId}&targetLanguage=es");

    private static async Task<ProtocolClient> ListenAsync(BabelcastTestServer server, string sessionId)
    {
        var listener = await Waits.ConnectAsync(ListenUri(server, sessionId));
        var first = await listener.WaitForAsync(m => m.Type is "sessionJoined" or "error", Waits.Long);
        Assert.Equal("sessionJoined", first.Type);
        return listener;
    }

    private static async Task<ProtocolClient> ListenEventuallyAsync(BabelcastTestServer server, string sessionId)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var listener = await Waits.ConnectAsync(ListenUri(server, sessionId));
            var first = await listener.WaitForAsync(m => m.Type is "sessionJoined" or "error", Waits.Long);
            if (first.Type == "sessionJoined")
            {
                return listener;
            }

            await listener.DisposeAsync();
            Assert.True(waited.Elapsed < Waits.Long, "the freed place was never admitted");
            await Task.Delay(50);
        }
    }
}
