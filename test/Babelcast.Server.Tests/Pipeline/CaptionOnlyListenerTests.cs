using Babelcast.Server.Tests.WebSockets;
using Babelcast.Testing;
using Babelcast.Testing.Host;

namespace Babelcast.Server.Tests.Pipeline;

/// <summary>
/// <c>/ws/listen?...&amp;audio=false</c> (the caption display): a listener of its language like any other, so the language
/// is translated for it, but no audio is sent to it, live or in a resume's replay.
/// </summary>
[Collection("real-engines")]
public sealed class CaptionOnlyListenerTests(LiveSessionFixture fixture) : IClassFixture<LiveSessionFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(120); // generous: the test machines are shared and loaded

    [Fact]
    public async Task AudioFalse_RealSpeech_SameCaptionsAsAnAudioListenerButNoAudioLiveOrReplayed()
    {
        var (id, speaker) = await fixture.StartSpeakerAsync();
        await using var _ = speaker;
        // Only the caption-only listener asks for French: French is translated because of it alone.
        await using var captionsOnly = await JoinAsync(id, "fr", audio: false);
        await using var withAudio = await JoinAsync(id, "es", audio: true);
        await SocketAssert.StatusAsync(speaker, 0, ("fr", 1), ("es", 1));

        var (clipFile, _) = TestData.RealClips().Single(c => c.File.EndsWith("0870.wav", StringComparison.Ordinal));
        await speaker.StreamAudioAsync(Wav.Read16kMono(clipFile).Concat(new short[16000]).ToArray());
        var seq = (await speaker.WaitForAsync(m => m.Type == "transcript" && m.Final, Wait)).Seq;
        await captionsOnly.WaitForAsync(m => m.Type == "caption" && m.Final && m.Seq == seq, Wait);
        await withAudio.WaitForAsync(m => m.Type == "audioData" && m.Seq == seq, Wait);

        // A reconnecting display resumes: the replay has the captions and, unlike an ordinary listener's, no audio.
        await using var resumedDisplay = await ResumeAsync(id, "fr", audio: false);
        await using var resumedListener = await ResumeAsync(id, "fr", audio: true);
        var replayed = await resumedDisplay.WaitForAsync(m => m.Type == "caption" && m.Seq == seq, Wait);
        Assert.True(replayed.Json.GetProperty("replay").GetBoolean());
        await resumedListener.WaitForAsync(m => m.Type == "audioData" && m.Seq == seq, Wait);
        await SocketAssert.RoundTripAsync(resumedDisplay);
        Assert.DoesNotContain(resumedDisplay.Messages, m => m.Type is "audio" or "audioData");

        await speaker.SendJsonAsync(new { type = "end" });
        await captionsOnly.WaitForTypeAsync("sessionEnded", Wait);
        await withAudio.WaitForTypeAsync("sessionEnded", Wait);

        var frenchFinals = captionsOnly.OfType("caption").Where(c => c.Final).ToList();
        var spanishFinals = withAudio.OfType("caption").Where(c => c.Final).ToList();
        Assert.NotEmpty(frenchFinals);
        Assert.Equal(spanishFinals.Select(c => c.Seq), frenchFinals.Select(c => c.Seq));
        Assert.All(frenchFinals, c => Assert.Equal("fr", c.Text("targetLanguage")));
        Assert.All(frenchFinals, c => Assert.False(string.IsNullOrWhiteSpace(c.Text())));
        Assert.DoesNotContain(captionsOnly.Messages, m => m.Type is "audio" or "audioData");
        Assert.NotEmpty(withAudio.OfType("audioData"));
    }

    private async Task<ProtocolClient> JoinAsync(string sessionId, string language, bool audio)
    {
        var client = await ProtocolClient.ConnectAsync(fixture.Server.WebSocketUri(Query(sessionId, language, audio)));
        await client.WaitForTypeAsync("sessionJoined", TimeSpan.FromSeconds(10));
        return client;
    }

    private async Task<ProtocolClient> ResumeAsync(string sessionId, string language, bool audio)
    {
        var client = await ProtocolClient.ConnectAsync(fixture.Server.WebSocketUri(Query(sessionId, language, audio)));
        await client.SendJsonAsync(new { type = "resume", afterSeq = 0 });
        return client;
    }

    private static string Query(string sessionId, string language, bool audio) =>
        $"/ws/listen?sessionId={sessionId}&targetLanguage={language}" + (audio ? "" : "&audio=false");
}
