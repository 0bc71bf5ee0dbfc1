using Babelcast.Server.Tests.Pipeline;
using Babelcast.Server.Tests.WebSockets;

namespace Babelcast.Server.Tests.Console;

/// <summary>
/// The speaker's <c>typed</c> message on the real server with the real engines: the line goes out as a phrase,
/// translated by Apertium, voiced by espeak-ng, stored, and marked <c>origin:"typed"</c>; bad lines are refused.
/// </summary>
[Collection("real-engines")]
public sealed class TypedLineTests(LiveSessionFixture fixture) : IClassFixture<LiveSessionFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(120); // the test machines are shared and loaded

    [Fact]
    public async Task TypedLine_ReachesEveryListenerTranslatedAndSpoken_MarkedTyped_AndIsInTheTranscript()
    {
        var (id, speaker) = await fixture.StartSpeakerAsync();
        await using var _ = speaker;
        await using var spanish = await fixture.JoinAsync(id, "es");
        await SocketAssert.StatusAsync(speaker, 0, ("es", 1));

        await speaker.SendJsonAsync(new { type = "typed", text = "  Please turn\tto page twelve.\n" });

        var transcript = await speaker.WaitForAsync(m => m.Type == "transcript" && m.Final, Wait);
        Assert.Equal("Please turn to page twelve.", transcript.Text());
        Assert.Equal("typed", transcript.Text("origin"));
        var caption = await spanish.WaitForAsync(m => m.Type == "caption" && m.Final && m.Seq == transcript.Seq, Wait);
        Assert.Equal("typed", caption.Text("origin"));
        Assert.Contains("página", caption.Text(), StringComparison.OrdinalIgnoreCase);
        await spanish.WaitForAsync(m => m.Type == "audioData" && m.Seq == transcript.Seq, Wait);

        using var http = fixture.Server.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", fixture.Token);
        var text = await http.GetStringAsync($"/api/sessions/{id}/transcript?format=txt");
        Assert.Contains("Please turn to page twelve.", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"typed"}""")]
    [InlineData("""{"type":"typed","text":42}""")]
    [InlineData("""{"type":"typed","text":"   \n\t  "}""")]
    public async Task TypedLine_WithoutText_IsRefusedWithInvalidMessageAndTheSessionGoesOn(string message)
    {
        var (_, speaker) = await fixture.StartSpeakerAsync();
        await using var _ = speaker;

        await speaker.SendTextAsync(message);

        var error = await speaker.WaitForAsync(m => m.Type == "error", TimeSpan.FromSeconds(20));
        Assert.Equal("INVALID_MESSAGE", error.Text("code"));
        await SocketAssert.RoundTripAsync(speaker);
        Assert.DoesNotContain(speaker.Messages, m => m.Type == "transcript");
    }

    [Fact]
    public async Task TypedLine_LongerThan500Characters_IsRefusedNamingTheLimit()
    {
        var (_, speaker) = await fixture.StartSpeakerAsync();
        await using var _ = speaker;

        await speaker.SendJsonAsync(new { type = "typed", text = new string('a', 501) });

        var error = await speaker.WaitForAsync(m => m.Type == "error", TimeSpan.FromSeconds(20));
        Assert.Equal("INVALID_MESSAGE", error.Text("code"));
        Assert.Contains("500", error.Text("message"), StringComparison.Ordinal);
    }
}
