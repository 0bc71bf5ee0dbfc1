using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Babelcast.Server.Tests.Http;

/// <summary>The REST controls reach connected listeners (through ILiveSessions), and the live counts reach the REST view.</summary>
[Collection(HttpServerCollection.Name)]
public sealed class SessionLiveTests(HttpServerFixture fixture)
{
    [Fact]
    public async Task PatchAndDelete_ConnectedListener_ReceivesPauseResumeAndEnd()
    {
        var id = await fixture.Server.CreateSessionAsync(fixture.AdminToken);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var listener = new ClientWebSocket();
        await listener.ConnectAsync(fixture.Server.WebSocketUri($"/ws/listen?sessionId={id}&targetLanguage=es"), cts.Token);
        await ReceiveTypeAsync(listener, "sessionJoined", cts.Token);

        using var client = fixture.Client(fixture.AdminToken);
        var session = await ProblemAssert.JsonAsync(await client.GetAsync("/api/sessions/" + id), HttpStatusCode.OK);
        Assert.Equal(1, session.GetProperty("listenerCount").GetInt32());
        Assert.Equal(1, session.GetProperty("languageDistribution").GetProperty("es").GetInt32());

        using (var paused = await client.PatchAsJsonAsync("/api/sessions/" + id, new { status = "paused" }, cts.Token))
        {
            Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        }

        await ReceiveTypeAsync(listener, "broadcastPaused", cts.Token);
        using (var resumed = await client.PatchAsJsonAsync("/api/sessions/" + id, new { status = "active" }, cts.Token))
        {
            Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        }

        await ReceiveTypeAsync(listener, "broadcastResumed", cts.Token);
        using (var deleted = await client.DeleteAsync("/api/sessions/" + id, cts.Token))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        var ended = await ReceiveTypeAsync(listener, "sessionEnded", cts.Token);
        Assert.Equal(id, ended.GetProperty("sessionId").GetString());
    }

    private static async Task<JsonElement> ReceiveTypeAsync(ClientWebSocket socket, string type, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, ct);
                await message.WriteAsync(buffer.AsMemory(0, result.Count), ct);
            }
            while (!result.EndOfMessage);

            Assert.NotEqual(WebSocketMessageType.Close, result.MessageType);
            if (result.MessageType != WebSocketMessageType.Text)
            {
                continue;
            }

            using var doc = JsonDocument.Parse(Encoding.UTF8.GetString(message.ToArray()));
            if (doc.RootElement.GetProperty("type").GetString() == type)
            {
                return doc.RootElement.Clone();
            }
        }
    }
}
