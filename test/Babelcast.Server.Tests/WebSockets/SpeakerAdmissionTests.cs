using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Babelcast.Server.Tests.WebSockets;

/// <summary>Who may open <c>/ws/speak</c>, and what everyone else is told before the close.</summary>
[Collection(WebSocketServerCollection.Name)]
public sealed class SpeakerAdmissionTests(WebSocketServerFixture fx)
{
    [Fact]
    public async Task Connect_Owner_ReceivesConnectedThenSessionStatus()
    {
        var id = await fx.CreateSessionAsync();
        await using var speaker = await fx.SpeakAsync(id);

        var connected = speaker.Messages.First();
        Assert.Equal("connected", connected.Type);
        Assert.Equal(id, connected.Text("sessionId"));
        Assert.Equal("active", connected.Text("status"));
        Assert.Equal("en", connected.Text("sourceLanguage"));
        Assert.Equal(16000, connected.Json.GetProperty("sampleRate").GetInt32());
        Assert.False(connected.Json.GetProperty("muted").GetBoolean());
        Assert.Contains("es", SocketAssert.Strings(connected.Json.GetProperty("targetLanguages")));
        var status = await SocketAssert.StatusAsync(speaker, 0);
        Assert.Empty(SocketAssert.Distribution(status));
    }

    [Fact]
    public async Task Connect_TokenInAuthorizationHeader_Connects()
    {
        var id = await fx.CreateSessionAsync();
        using var cts = new CancellationTokenSource(Waits.Long);
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", "Bearer " + fx.OwnerToken);
        await socket.ConnectAsync(fx.Server.WebSocketUri($"/ws/speak?sessionId={id}"), cts.Token);

        var buffer = new byte[8192];
        var result = await socket.ReceiveAsync(buffer, cts.Token);
        using var first = JsonDocument.Parse(Encoding.UTF8.GetString(buffer, 0, result.Count));
        Assert.Equal("connected", first.RootElement.GetProperty("type").GetString());
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, cts.Token);
    }

    [Theory]
    [InlineData("")]
    [InlineData("&token=not-a-jwt")]
    [InlineData("&token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJl")]
    public async Task Connect_WithoutValidToken_RefusedUnauthorized(string tokenQuery)
    {
        var id = await fx.CreateSessionAsync();
        await using var speaker = await fx.ConnectAsync($"/ws/speak?sessionId={id}{tokenQuery}");
        await SocketAssert.RefusedAsync(speaker, "UNAUTHORIZED");
    }

    [Fact]
    public async Task Connect_NotTheOwner_RefusedForbidden()
    {
        var id = await fx.CreateSessionAsync();
        await using var intruder = await fx.ConnectAsync($"/ws/speak?sessionId={id}&token={fx.OtherToken}");
        await SocketAssert.RefusedAsync(intruder, "FORBIDDEN");

        // The owner is unaffected.
        await using var owner = await fx.SpeakAsync(id);
        Assert.Equal("connected", owner.Messages.First().Type);
    }

    [Fact]
    public async Task Connect_UnknownSession_RefusedSessionNotFound()
    {
        await using var speaker = await fx.ConnectAsync($"/ws/speak?sessionId=nosuch-session-000&token={fx.OwnerToken}");
        await SocketAssert.RefusedAsync(speaker, "SESSION_NOT_FOUND");
    }

    [Fact]
    public async Task Connect_EndedSession_RefusedSessionEnded()
    {
        var id = await fx.CreateSessionAsync();
        using (var client = fx.OwnerClient())
        {
            using var response = await client.DeleteAsync(new Uri($"/api/sessions/{id}", UriKind.Relative));
            response.EnsureSuccessStatusCode();
        }

        await using var speaker = await fx.ConnectAsync($"/ws/speak?sessionId={id}&token={fx.OwnerToken}");
        await SocketAssert.RefusedAsync(speaker, "SESSION_ENDED");
    }

    [Theory]
    [InlineData("/ws/speak?token={token}", "MISSING_SESSION_ID")]
    [InlineData("/ws/speak?sessionId=&token={token}", "MISSING_SESSION_ID")]
    [InlineData("/ws/speak?sessionId=NOT_AN_ID&token={token}", "INVALID_SESSION_ID")]
    [InlineData("/ws/speak?sessionId=abc-def-12&token={token}", "INVALID_SESSION_ID")]
    [InlineData("/ws/listen?targetLanguage=es", "MISSING_SESSION_ID")]
    [InlineData("/ws/listen?sessionId=x%27%3B--&targetLanguage=es", "INVALID_SESSION_ID")]
    public async Task Connect_MissingOrMalformedSessionId_Refused(string pathAndQuery, string code)
    {
        await using var client = await fx.ConnectAsync(pathAndQuery.Replace("{token}", fx.OwnerToken, StringComparison.Ordinal));
        await SocketAssert.RefusedAsync(client, code);
    }
}
