using Babelcast.Server.Tests.WebSockets;

namespace Babelcast.Server.Tests.Hardening;

/// <summary>An existing session's id with a trailing newline is not that id (a regex <c>$</c> would say it is).</summary>
[Collection(WebSocketServerCollection.Name)]
public sealed class SocketSessionIdTests(WebSocketServerFixture fx)
{
    [Theory]
    [InlineData("%0A")]
    [InlineData("%0D%0A")]
    public async Task Listen_IdWithTrailingNewline_InvalidSessionId(string suffix)
    {
        var id = await fx.CreateSessionAsync();
        await using var listener = await fx.ConnectAsync($"/ws/listen?sessionId={id}{suffix}&targetLanguage=es");
        await SocketAssert.RefusedAsync(listener, "INVALID_SESSION_ID");
    }

    [Theory]
    [InlineData("%0A")]
    [InlineData("%0D%0A")]
    public async Task Speak_IdWithTrailingNewline_InvalidSessionId(string suffix)
    {
        var id = await fx.CreateSessionAsync();
        await using var speaker = await fx.ConnectAsync($"/ws/speak?sessionId={id}{suffix}&token={fx.OwnerToken}");
        await SocketAssert.RefusedAsync(speaker, "INVALID_SESSION_ID");
    }
}
