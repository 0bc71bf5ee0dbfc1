using Babelcast.Server.Tests.Pipeline;
using Babelcast.Server.Tests.WebSockets;
using Babelcast.Testing.Host;

namespace Babelcast.Server.Tests.Console;

/// <summary>
/// The speaker's <c>correct</c> message on the real server with the real engines: the corrected line is translated
/// again by Apertium, replaces the listeners' caption in place, reaches the transcript exports; limits are refused
/// each with its own code.
/// </summary>
[Collection("real-engines")]
public sealed class CorrectionTests(LiveSessionFixture fixture) : IClassFixture<LiveSessionFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(120); // the test machines are shared and loaded

    [Fact]
    public async Task Correct_RecentPhrase_ListenersGetCaptionCorrected_SpeakerGetsTranscriptCorrected_ExportsCarryIt()
    {
        var (id, speaker) = await fixture.StartSpeakerAsync();
        await using var _ = speaker;
        await using var spanish = await fixture.JoinAsync(id, "es");
        await SocketAssert.StatusAsync(speaker, 0, ("es", 1));
        var seq = await TypeAsync(speaker, spanish, "The house is blue.");
        var audios = spanish.OfType("audio").Count();

        await speaker.SendJsonAsync(new { type = "correct", seq, text = "The  house is\tgreen." });

        var corrected = await speaker.WaitForTypeAsync("transcriptCorrected", Wait);
        Assert.Equal(seq, corrected.Seq);
        Assert.Equal("The house is green.", corrected.Text());
        Assert.Equal(["es"], corrected.Json.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        var caption = await spanish.WaitForTypeAsync("captionCorrected", Wait);
        Assert.Equal(seq, caption.Seq);
        Assert.Equal("es", caption.Text("targetLanguage"));
        Assert.Equal("The house is green.", caption.Text("sourceText"));
        Assert.Contains("verde", caption.Text(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("typed", caption.Text("origin"));
        await SocketAssert.RoundTripAsync(speaker);
        Assert.Equal(audios, spanish.OfType("audio").Count()); // the audio is not replayed

        using var http = fixture.Server.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", fixture.Token);
        var source = await http.GetStringAsync($"/api/sessions/{id}/transcript?format=txt");
        Assert.Contains("The house is green.", source, StringComparison.Ordinal);
        Assert.DoesNotContain("blue", source, StringComparison.Ordinal);
        var translated = await http.GetStringAsync($"/api/sessions/{id}/transcript?format=srt&targetLanguage=es");
        Assert.Contains("verde", translated, StringComparison.OrdinalIgnoreCase);

        // A late joiner's recent captions come from the store: corrected too.
        await using var late = await fixture.JoinAsync(id, "es");
        var replayed = await late.WaitForAsync(m => m.Type == "caption" && m.Seq == seq, Wait);
        Assert.Contains("verde", replayed.Text(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("""{"type":"correct","text":"x"}""", "INVALID_MESSAGE")]
    [InlineData("""{"type":"correct","seq":1.5,"text":"x"}""", "INVALID_MESSAGE")]
    [InlineData("""{"type":"correct","seq":1,"text":"  \t "}""", "INVALID_MESSAGE")]
    [InlineData("""{"type":"correct","seq":999,"text":"unknown phrase"}""", "PHRASE_NOT_CORRECTABLE")]
    public async Task Correct_BadOrUnknown_RefusedWithItsCodeAndTheSessionGoesOn(string message, string code)
    {
        var (_, speaker) = await fixture.StartSpeakerAsync();
        await using var _ = speaker;

        await speaker.SendTextAsync(message);

        var error = await speaker.WaitForAsync(m => m.Type == "error", TimeSpan.FromSeconds(30));
        Assert.Equal(code, error.Text("code"));
        await SocketAssert.RoundTripAsync(speaker);
        Assert.DoesNotContain(speaker.Messages, m => m.Type == "transcriptCorrected");
    }

    [Fact]
    public async Task Correct_TooLongOrTooOldOrTooOften_EachRefusedWithItsCode()
    {
        var (id, speaker) = await fixture.StartSpeakerAsync();
        await using var _ = speaker;
        await using var spanish = await fixture.JoinAsync(id, "es");
        var first = await TypeAsync(speaker, spanish, "Line one.");

        await speaker.SendJsonAsync(new { type = "correct", seq = first, text = new string('a', 501) });
        var tooLong = await speaker.WaitForAsync(m => m.Type == "error", Wait);
        Assert.Equal("CORRECTION_TOO_LONG", tooLong.Text("code"));
        Assert.Contains("500", tooLong.Text("message"), StringComparison.Ordinal);

        // Ten corrections a minute (the default) pass; the eleventh is refused with a retry-after.
        for (var i = 1; i <= 10; i++)
        {
            var mark = SocketAssert.Mark(speaker);
            await speaker.SendJsonAsync(new { type = "correct", seq = first, text = $"Line one, take {i}." });
            await SocketAssert.NextAsync(speaker, mark, "transcriptCorrected");
        }

        var before = SocketAssert.Mark(speaker);
        await speaker.SendJsonAsync(new { type = "correct", seq = first, text = "Line one, once more." });
        var tooOften = await SocketAssert.NextAsync(speaker, before, "error");
        Assert.Equal("CORRECTION_RATE_EXCEEDED", tooOften.Text("code"));
        Assert.InRange(tooOften.Json.GetProperty("retryAfter").GetInt32(), 1, 60);

        // Twenty more lines push the first one out of the correctable window (20 by default).
        for (var i = 0; i < 20; i++)
        {
            await speaker.SendJsonAsync(new { type = "typed", text = $"Filler line {i}." });
        }

        await speaker.WaitForAsync(m => m.Type == "transcript" && m.Final && m.Seq == first + 20, Wait);
        await WaitStoredAsync(id);
        var old = SocketAssert.Mark(speaker);
        await speaker.SendJsonAsync(new { type = "correct", seq = first, text = "Too late." });
        Assert.Equal("PHRASE_NOT_CORRECTABLE", (await SocketAssert.NextAsync(speaker, old, "error")).Text("code"));
    }

    private static async Task<long> TypeAsync(ProtocolClient speaker, ProtocolClient listener, string text)
    {
        await speaker.SendJsonAsync(new { type = "typed", text });
        var final = await speaker.WaitForAsync(m => m.Type == "transcript" && m.Final && m.Text() == text, Wait);
        await listener.WaitForAsync(m => m.Type == "audioData" && m.Seq == final.Seq, Wait); // stored and delivered
        return final.Seq;
    }

    /// <summary>The last filler line is in the store (the source transcript names it), so the correctable window counts it.</summary>
    private async Task WaitStoredAsync(string id)
    {
        using var http = fixture.Server.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", fixture.Token);
        var deadline = DateTime.UtcNow + Wait;
        while (DateTime.UtcNow < deadline)
        {
            var text = await http.GetStringAsync($"/api/sessions/{id}/transcript?format=srt");
            if (text.Contains("Filler line 19.", StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail("the last filler line was not stored in time");
    }
}
