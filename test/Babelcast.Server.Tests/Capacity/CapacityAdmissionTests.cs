using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Babelcast.Server.Tests.WebSockets;
using Babelcast.Testing.Host;

namespace Babelcast.Server.Tests.Capacity;

/// <summary>A real server carrying one speaking session (<c>Babelcast:Capacity:MaxSpeakingSessions=1</c>).</summary>
public sealed class CapacityAdmissionTests
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Babelcast:Capacity:MaxSpeakingSessions"] = "1",
        ["Babelcast:RateLimits:WebSocketConnect:PermitLimit"] = "100000",
        ["Babelcast:RateLimits:SessionCreate:PermitLimit"] = "100000",
    };

    [Fact]
    public async Task Speak_NodeCarriesItsLimit_OtherSessionRefusedOwnReconnectAdmittedAndAdmittedAfterTheEnd()
    {
        await using var own = await OwnServer.StartAsync(Settings);
        var server = own.Server;
        var token = await server.GetTokenAsync();
        var first = await server.CreateSessionAsync(token);
        var second = await server.CreateSessionAsync(token);

        await using var speaker = await SpeakAsync(server, first, token);
        await Waits.SendBinaryAsync(speaker, new byte[3200]);

        // Another session's speaker is refused, with a retry delay, and so is a new session.
        await using (var refused = await Waits.ConnectAsync(Uri(server, second, token)))
        {
            var error = await SocketAssert.RefusedAsync(refused, "CAPACITY_EXCEEDED", SocketAssert.TryAgainLater);
            Assert.True(error.Json.GetProperty("retryAfter").GetInt32() > 0);
            Assert.Contains("capacity", error.Text("message"), StringComparison.OrdinalIgnoreCase);
        }

        using (var http = server.CreateClient())
        {
            http.DefaultRequestHeaders.Authorization = new("Bearer", token);
            using var response = await http.PostAsJsonAsync("/api/sessions", new { sourceLanguage = "en" });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.NotNull(response.Headers.RetryAfter);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("CAPACITY_EXCEEDED", problem.RootElement.GetProperty("code").GetString());
        }

        // The first session's speaker is never refused: a takeover while connected, a reconnect after a drop.
        await using var takeover = await SpeakAsync(server, first, token);
        await speaker.WaitForAsync(m => m.Type == "error" && m.Text("code") == "SPEAKER_REPLACED", Waits.Long);
        takeover.Abort();
        await using var reconnected = await SpeakAsync(server, first, token);
        await Waits.SendBinaryAsync(reconnected, new byte[3200]);

        // Ending the session frees its place at once.
        await reconnected.SendJsonAsync(new { type = "end" });
        await reconnected.WaitForTypeAsync("sessionEnded", Waits.Long);
        await using var admitted = await ConnectWhenFreedAsync(server, second, token);
        Assert.DoesNotContain(admitted.Messages, m => m.Type == "error");
    }

    private static Uri Uri(BabelcastTestServer server, string sessionId, string token) =>
        server.WebSocketUri($"/ws/speak?sessionId={sessionId}&token={token}");

    private static async Task<ProtocolClient> SpeakAsync(BabelcastTestServer server, string sessionId, string token)
    {
        var client = await Waits.ConnectAsync(Uri(server, sessionId, token));
        var first = await client.WaitForAsync(m => m.Type is "connected" or "error", Waits.Long);
        Assert.Equal("connected", first.Type);
        return client;
    }

    /// <summary>The place is freed when the ended speaker's connection has closed; the client may see the end first.</summary>
    private static async Task<ProtocolClient> ConnectWhenFreedAsync(BabelcastTestServer server, string sessionId, string token)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var client = await Waits.ConnectAsync(Uri(server, sessionId, token));
            var first = await client.WaitForAsync(m => m.Type is "connected" or "error", Waits.Long);
            if (first.Type == "connected")
            {
                return client;
            }

            await client.DisposeAsync();
            Assert.Equal("CAPACITY_EXCEEDED", first.Text("code"));
            Assert.True(waited.Elapsed < Waits.Long, "the ended session's place was not freed");
            await Task.Delay(100);
        }
    }
}
