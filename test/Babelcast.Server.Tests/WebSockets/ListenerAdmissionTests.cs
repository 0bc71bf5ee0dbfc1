using System.Net.WebSockets;

namespace Babelcast.Server.Tests.WebSockets;

/// <summary>Who may open <c>/ws/listen</c>: anyone, with or without a token; refusals carry a stable code.</summary>
[Collection(WebSocketServerCollection.Name)]
public sealed class ListenerAdmissionTests(WebSocketServerFixture fx)
{
    [Fact]
    public async Task Join_NoToken_SessionJoinedWithSessionState()
    {
        var id = await fx.CreateSessionAsync();
        await using var listener = await fx.ListenAsync(id, "es");

        var joined = listener.Messages.First();
        Assert.Equal("sessionJoined", joined.Type);
        Assert.Equal(id, joined.Text("sessionId"));
        Assert.Equal("es", joined.Text("targetLanguage"));
        Assert.Equal("en", joined.Text("sourceLanguage"));
        Assert.Equal("active", joined.Text("status"));
        Assert.False(joined.Json.GetProperty("muted").GetBoolean());
    }

    [Theory]
    [InlineData("&token=not-a-jwt")]
    [InlineData("&token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJl")]
    [InlineData("&token=")]
    [InlineData("&access_token=garbage")]
    [InlineData("&token={owner}")]
    public async Task Join_AnyOrInvalidToken_StillJoins(string tokenQuery)
    {
        var id = await fx.CreateSessionAsync();
        var query = tokenQuery.Replace("{owner}", fx.OwnerToken, StringComparison.Ordinal);
        await using var listener = await fx.ConnectAsync($"/ws/listen?sessionId={id}&targetLanguage=es{query}");
        var first = await listener.WaitForAsync(m => m.Type is "sessionJoined" or "error", Waits.Long);
        Assert.True(first.Type == "sessionJoined", "refused: " + first.Json.GetRawText());
        await SocketAssert.AliveWithoutErrorsAsync(listener, 0);
    }

    [Fact]
    public async Task Join_InvalidBearerHeader_StillJoins()
    {
        var id = await fx.CreateSessionAsync();
        using var cts = new CancellationTokenSource(Waits.Long);
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", "Bearer definitely.not.valid");
        await socket.ConnectAsync(fx.Server.WebSocketUri($"/ws/listen?sessionId={id}&targetLanguage=es"), cts.Token);
        var buffer = new byte[8192];
        var result = await socket.ReceiveAsync(buffer, cts.Token);
        Assert.Contains("\"sessionJoined\"", System.Text.Encoding.UTF8.GetString(buffer, 0, result.Count), StringComparison.Ordinal);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, cts.Token);
    }

    [Fact]
    public async Task Join_LanguageInOtherCase_JoinsWithCanonicalCode()
    {
        var id = await fx.CreateSessionAsync();
        await using var listener = await fx.ListenAsync(id, "ES");
        Assert.Equal("es", listener.Messages.First().Text("targetLanguage"));
    }

    [Fact]
    public async Task Join_MissingTargetLanguage_RefusedMissingTargetLanguage()
    {
        var id = await fx.CreateSessionAsync();
        await using var listener = await fx.ConnectAsync($"/ws/listen?sessionId={id}");
        await SocketAssert.RefusedAsync(listener, "MISSING_TARGET_LANGUAGE");
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("xx-YY")]
    [InlineData("e")]
    public async Task Join_UnsupportedLanguage_RefusedWithSupportedLanguages(string language)
    {
        var id = await fx.CreateSessionAsync();
        await using var listener = await fx.ConnectAsync($"/ws/listen?sessionId={id}&targetLanguage={language}");
        var error = await SocketAssert.RefusedAsync(listener, "UNSUPPORTED_LANGUAGE");
        var supported = SocketAssert.Strings(error.Json.GetProperty("supportedLanguages"));
        Assert.Contains("es", supported);
        Assert.Contains("ca", supported);
        Assert.DoesNotContain(language, supported);
    }

    [Fact]
    public async Task Join_UnknownSession_RefusedSessionNotFound()
    {
        await using var listener = await fx.ConnectAsync("/ws/listen?sessionId=nosuch-session-000&targetLanguage=es");
        await SocketAssert.RefusedAsync(listener, "SESSION_NOT_FOUND");
    }

    [Fact]
    public async Task Join_SessionEndedBySpeaker_RefusedSessionEnded()
    {
        var (id, speaker) = await fx.StartSessionAsync();
        await using var _ = speaker;
        await speaker.SendJsonAsync(new { type = "end" });
        await speaker.WaitForTypeAsync("sessionEnded", Waits.Long);

        await using var listener = await fx.ConnectAsync($"/ws/listen?sessionId={id}&targetLanguage=es");
        await SocketAssert.RefusedAsync(listener, "SESSION_ENDED");
    }

    [Theory]
    [InlineData("/ws/listen?sessionId=nosuch-session-000&targetLanguage=es")]
    [InlineData("/ws/speak?sessionId=nosuch-session-000")]
    public async Task PlainHttp_NotAnUpgrade_400WebSocketRequired(string pathAndQuery)
    {
        using var client = fx.Server.CreateClient();
        using var response = await client.GetAsync(new Uri(pathAndQuery, UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("WEBSOCKET_REQUIRED", problem.RootElement.GetProperty("code").GetString());
    }
}
