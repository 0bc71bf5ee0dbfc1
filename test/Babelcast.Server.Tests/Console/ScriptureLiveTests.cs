using Babelcast.Server.Tests.Pipeline;
using Babelcast.Server.Tests.WebSockets;

namespace Babelcast.Server.Tests.Console;

/// <summary>
/// Scripture on the live path with the real server, engines and SWORD modules: a reference in a final transcript is
/// offered to the speaker (<c>scriptureDetected</c>); a confirmed one (<c>scripture</c>) reaches each listener from
/// the installed Bible in its language, or machine-translated from the English and marked so.
/// </summary>
[Collection("real-engines")]
public sealed class ScriptureLiveTests(LiveSessionFixture fixture) : IClassFixture<LiveSessionFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(120); // the test machines are shared and loaded

    [Fact]
    public async Task TypedReference_IsOfferedToTheSpeaker_AndConfirmedGoesOutFromEachBible()
    {
        var (id, speaker) = await fixture.StartSpeakerAsync();
        await using var owned = speaker;
        await using var spanish = await fixture.JoinAsync(id, "es");
        await using var french = await fixture.JoinAsync(id, "fr");
        await using var english = await fixture.JoinAsync(id, "en");
        await SocketAssert.StatusAsync(speaker, 0, ("en", 1), ("es", 1), ("fr", 1));

        await speaker.SendJsonAsync(new { type = "typed", text = "Please read John 3:16 with me." });

        var detected = await speaker.WaitForAsync(m => m.Type == "scriptureDetected", Wait);
        Assert.Equal("John 3:16", detected.Text("ref"));
        Assert.Equal("John 3:16", detected.Text("display"));
        Assert.Equal(1, detected.Json.GetProperty("verses").GetInt32());
        Assert.False(detected.Json.GetProperty("truncated").GetBoolean());
        var typed = await spanish.WaitForAsync(m => m.Type == "caption" && m.Final && m.Text("origin") == "typed", Wait);
        Assert.Equal(detected.Seq, typed.Seq);

        await speaker.SendJsonAsync(new { type = "scripture", @ref = detected.Text("ref") });

        var transcript = await speaker.WaitForAsync(m => m.Type == "transcript" && m.Final && m.Text("origin") == "scripture", Wait);
        Assert.Equal("John 3:16", transcript.Text("ref"));
        Assert.Equal(Diatheke.Words(await Diatheke.VerseAsync("engWEB2015eb", "John 3:16")), Diatheke.Words(transcript.Text()));

        var es = await spanish.WaitForAsync(m => m.Type == "caption" && m.Final && m.Seq == transcript.Seq, Wait);
        Assert.Equal("scripture", es.Text("origin"));
        Assert.Equal("John 3:16", es.Text("ref"));
        Assert.False(es.Json.TryGetProperty("machineTranslated", out _));
        Assert.Equal(Diatheke.Words(await Diatheke.VerseAsync("spaRV1909eb", "John 3:16")), Diatheke.Words(es.Text()));
        await spanish.WaitForAsync(m => m.Type == "audioData" && m.Seq == transcript.Seq, Wait);

        var fr = await french.WaitForAsync(m => m.Type == "caption" && m.Final && m.Seq == transcript.Seq, Wait);
        Assert.Equal("scripture", fr.Text("origin"));
        Assert.True(fr.Json.GetProperty("machineTranslated").GetBoolean());
        Assert.Contains("monde", fr.Text(), StringComparison.OrdinalIgnoreCase);

        var en = await english.WaitForAsync(m => m.Type == "caption" && m.Final && m.Seq == transcript.Seq, Wait);
        Assert.False(en.Json.TryGetProperty("machineTranslated", out _));
        Assert.Equal(Diatheke.Words(transcript.Text()), Diatheke.Words(en.Text()));
    }

    [Fact]
    public async Task LongPassage_GoesOutInSentenceSizedPhrases_EachWithItsVerses()
    {
        var (id, speaker) = await fixture.StartSpeakerAsync();
        await using var owned = speaker;
        await using var spanish = await fixture.JoinAsync(id, "es");
        await SocketAssert.StatusAsync(speaker, 0, ("es", 1));

        await speaker.SendJsonAsync(new { type = "scripture", @ref = "1 Corinthians 13:4-7" });

        var first = await spanish.WaitForAsync(m => m.Type == "caption" && m.Final && m.Text("origin") == "scripture", Wait);
        var second = await spanish.WaitForAsync(m => m.Type == "caption" && m.Final && m.Text("origin") == "scripture" && m.Seq > first.Seq, Wait);
        Assert.StartsWith("1 Corinthians 13:4", first.Text("ref"), StringComparison.Ordinal);
        Assert.EndsWith("-7", second.Text("ref"), StringComparison.Ordinal);
        var verse4 = Diatheke.Words(await Diatheke.VerseAsync("spaRV1909eb", "1 Corinthians 13:4"));
        var verse7 = Diatheke.Words(await Diatheke.VerseAsync("spaRV1909eb", "1 Corinthians 13:7"));
        Assert.StartsWith(verse4, Diatheke.Words(first.Text()), StringComparison.Ordinal);
        Assert.EndsWith(verse7, Diatheke.Words(second.Text()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SpokenFormAndWholeChapter_OfferedCappedToTheVerseLimit_AndTheWholeChapterRefused()
    {
        var (_, speaker) = await fixture.StartSpeakerAsync();
        await using var owned = speaker;

        await speaker.SendJsonAsync(new { type = "typed", text = "Turn with me to the letter to the Romans, chapter eight." });

        var detected = await speaker.WaitForAsync(m => m.Type == "scriptureDetected", Wait);
        Assert.Equal("Romans 8", detected.Text("display"));
        Assert.Equal("Romans 8:1-20", detected.Text("ref"));
        Assert.True(detected.Json.GetProperty("truncated").GetBoolean());
        Assert.Equal(20, detected.Json.GetProperty("verses").GetInt32());

        var mark = SocketAssert.Mark(speaker);
        await speaker.SendJsonAsync(new { type = "scripture", @ref = "Romans 8" });
        var error = await SocketAssert.NextErrorAsync(speaker, mark, "SCRIPTURE_PASSAGE_TOO_LONG");
        Assert.Contains("Romans 8:1-20", error.Text("message"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("John 33:1", "INVALID_SCRIPTURE_REFERENCE", "21 chapters")]
    [InlineData("Hezekiah 3:16", "INVALID_SCRIPTURE_REFERENCE", "No book")]
    [InlineData("John 3:99", "INVALID_SCRIPTURE_REFERENCE", "36 verses")]
    [InlineData("", "INVALID_MESSAGE", "ref")]
    public async Task BadReference_RefusedWithAClearMessage_AndNothingIsSent(string reference, string code, string says)
    {
        var (id, speaker) = await fixture.StartSpeakerAsync();
        await using var owned = speaker;
        await using var spanish = await fixture.JoinAsync(id, "es");

        await speaker.SendJsonAsync(new { type = "scripture", @ref = reference });

        var error = await speaker.WaitForAsync(m => m.Type == "error", TimeSpan.FromSeconds(30));
        Assert.Equal(code, error.Text("code"));
        Assert.Contains(says, error.Text("message"), StringComparison.Ordinal);
        await SocketAssert.RoundTripAsync(speaker);
        Assert.DoesNotContain(speaker.Messages, m => m.Type == "transcript");
        Assert.DoesNotContain(spanish.Messages, m => m.Type == "caption");
    }
}
