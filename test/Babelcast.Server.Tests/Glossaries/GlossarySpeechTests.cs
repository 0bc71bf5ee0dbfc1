using System.Net;
using System.Net.Http.Json;
using Babelcast.Server.Tests.Http;
using Babelcast.Server.Tests.Pipeline;
using Babelcast.Server.Tests.WebSockets;
using Babelcast.Testing;

namespace Babelcast.Server.Tests.Glossaries;

/// <summary>
/// Speech through the whole pipeline with a session glossary: flite says "Pastor Win" (the term's "sounds like"), the
/// recogniser takes the glossary's word, and the speaker and a French listener get the term as configured.
/// </summary>
[Collection("real-engines")]
public sealed class GlossarySpeechTests(LiveSessionFixture fixture) : IClassFixture<LiveSessionFixture>
{
    [Fact]
    public async Task SpokenPhrase_WithGlossary_TermRecognisedSpelledAndRendered()
    {
        var (id, speaker) = await fixture.StartSpeakerAsync();
        await using var _ = speaker;
        using var http = fixture.Server.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", fixture.Token);
        using (var created = await http.PostAsJsonAsync("/api/glossaries", new
        {
            name = "Names",
            entries = new[] { new { term = "Pastor Nguyen", soundsLike = "pastor win", renderings = new Dictionary<string, string> { ["fr"] = "le pasteur Nguyen" } } },
        }))
        {
            var glossaryId = (await ProblemAssert.JsonAsync(created, HttpStatusCode.Created)).GetProperty("id").GetString();
            using var attach = await http.PutAsJsonAsync($"/api/sessions/{id}/glossaries", new { glossaryIds = new[] { glossaryId } });
            Assert.Equal(HttpStatusCode.OK, attach.StatusCode);
        }

        await using var french = await fixture.JoinAsync(id, "fr");
        await SocketAssert.StatusAsync(speaker, 0, ("fr", 1));

        await speaker.StreamAudioAsync([.. SpokenClips.Speak("Pastor Win welcomes you to our church."), .. new short[24000]], frameMs: 100, speed: 4);
        var transcript = await speaker.WaitForAsync(m => m.Type == "transcript" && m.Final && m.Text().Length > 0, TimeSpan.FromSeconds(120));

        Assert.Contains("Pastor Nguyen", transcript.Text(), StringComparison.Ordinal);
        var caption = await french.WaitForAsync(m => m.Type == "caption" && m.Final && m.Seq == transcript.Seq, TimeSpan.FromSeconds(120));
        Assert.Contains("le pasteur Nguyen", caption.Text(), StringComparison.OrdinalIgnoreCase);
    }
}
