namespace Babelcast.Server.Tests.WebSockets;

/// <summary>What a joined listener may send: heartbeat and changeLanguage; everything else is an error, never a crash.</summary>
[Collection(WebSocketServerCollection.Name)]
public sealed class ListenerMessageTests(WebSocketServerFixture fx)
{
    [Fact]
    public async Task Heartbeat_Listener_AnsweredWithServerTime()
    {
        var id = await fx.CreateSessionAsync();
        await using var listener = await fx.ListenAsync(id);
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var mark = SocketAssert.Mark(listener);
        await listener.SendJsonAsync(new { type = "heartbeat" });
        var ack = await SocketAssert.NextAsync(listener, mark, "heartbeatAck");
        Assert.InRange(ack.Json.GetProperty("serverTime").GetInt64(), before - 5_000, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 5_000);
    }

    [Fact]
    public async Task ChangeLanguage_Offered_LanguageChangedAndSpeakerCountsMove()
    {
        var (id, speaker) = await fx.StartSessionAsync();
        await using var _ = speaker;
        await using var listener = await fx.ListenAsync(id, "es");
        await SocketAssert.StatusAsync(speaker, 0, ("es", 1));

        var marks = (SocketAssert.Mark(listener), SocketAssert.Mark(speaker));
        await listener.SendJsonAsync(new { type = "changeLanguage", targetLanguage = "ca" });
        var changed = await SocketAssert.NextAsync(listener, marks.Item1, "languageChanged");
        Assert.Equal("ca", changed.Text("targetLanguage"));
        await SocketAssert.StatusAsync(speaker, marks.Item2, ("ca", 1));
    }

    [Fact]
    public async Task ChangeLanguage_NotOffered_UnsupportedLanguageAndKeepsItsLanguage()
    {
        var (id, speaker) = await fx.StartSessionAsync();
        await using var _ = speaker;
        await using var listener = await fx.ListenAsync(id, "es");
        var mark = SocketAssert.Mark(listener);

        await listener.SendJsonAsync(new { type = "changeLanguage", targetLanguage = "ja" });
        var error = await SocketAssert.NextErrorAsync(listener, mark, "UNSUPPORTED_LANGUAGE");
        Assert.Contains("es", SocketAssert.Strings(error.Json.GetProperty("supportedLanguages")));
        Assert.DoesNotContain(listener.Messages, m => m.Type == "languageChanged");

        // Still counted under Spanish, still served.
        var statusMark = SocketAssert.Mark(speaker);
        await using var other = await fx.ListenAsync(id, "ca");
        await SocketAssert.StatusAsync(speaker, statusMark, ("es", 1), ("ca", 1));
        await SocketAssert.RoundTripAsync(listener);
    }

    [Theory]
    [InlineData("""{"type":"changeLanguage"}""")]
    [InlineData("""{"type":"changeLanguage","targetLanguage":""}""")]
    [InlineData("""{"type":"changeLanguage","targetLanguage":42}""")]
    public async Task ChangeLanguage_WithoutLanguage_InvalidMessage(string json)
    {
        var id = await fx.CreateSessionAsync();
        await using var listener = await fx.ListenAsync(id);
        var mark = SocketAssert.Mark(listener);
        await listener.SendTextAsync(json);
        await SocketAssert.NextErrorAsync(listener, mark, "INVALID_MESSAGE");
        await SocketAssert.RoundTripAsync(listener);
    }
}
