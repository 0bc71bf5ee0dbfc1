using System.Net;
using System.Net.Http.Json;
using Babelcast.Server.Tests.Http;
using Babelcast.Server.Tests.Pipeline;
using Babelcast.Server.Tests.WebSockets;

namespace Babelcast.Server.Tests.Glossaries;

/// <summary>
/// A session's glossary on the real server with the real engines, driven by typed lines: terms are written as the
/// glossary spells them, carried through Apertium untouched and replaced by their fixed renderings in captions (the
/// text that is also synthesised); a change applies from the next phrase.
/// </summary>
[Collection("real-engines")]
public sealed class GlossaryTypedLineTests(LiveSessionFixture fixture) : IClassFixture<LiveSessionFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(120); // the test machines are shared and loaded

    [Fact]
    public async Task TypedLine_WithGlossary_TermsSpelledAndRenderedPerLanguage_ChangeAppliesToTheNextPhrase()
    {
        var (id, speaker) = await fixture.StartSpeakerAsync();
        await using var _ = speaker;
        using var http = fixture.Server.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", fixture.Token);
        var glossaryId = await CreateGlossaryAsync(http, new
        {
            name = "Service",
            entries = new object[]
            {
                new { term = "Pastor Nguyen", soundsLike = "pastor win", renderings = new Dictionary<string, string> { ["fr"] = "le pasteur Nguyen" } },
                new { term = "Ecclesiastes", renderings = new Dictionary<string, string> { ["es"] = "Eclesiastés", ["fr"] = "l'Ecclésiaste" } },
            },
        });
        using (var attach = await http.PutAsJsonAsync($"/api/sessions/{id}/glossaries", new { glossaryIds = new[] { glossaryId } }))
        {
            Assert.Equal(HttpStatusCode.OK, attach.StatusCode);
        }

        await using var spanish = await fixture.JoinAsync(id, "es");
        await using var french = await fixture.JoinAsync(id, "fr");
        await SocketAssert.StatusAsync(speaker, 0, ("es", 1), ("fr", 1));

        await speaker.SendJsonAsync(new { type = "typed", text = "pastor nguyen will read from ecclesiastes today." });

        var transcript = await speaker.WaitForAsync(m => m.Type == "transcript" && m.Final, Wait);
        Assert.Equal("Pastor Nguyen will read from Ecclesiastes today.", transcript.Text());
        var es = await spanish.WaitForAsync(m => m.Type == "caption" && m.Final && m.Seq == transcript.Seq, Wait);
        Assert.Contains("Pastor Nguyen", es.Text(), StringComparison.Ordinal);
        Assert.Contains("Eclesiastés", es.Text(), StringComparison.Ordinal);
        Assert.True(es.Text().IndexOf("Pastor Nguyen", StringComparison.Ordinal) < es.Text().IndexOf("Eclesiastés", StringComparison.Ordinal), es.Text());
        var fr = await french.WaitForAsync(m => m.Type == "caption" && m.Final && m.Seq == transcript.Seq, Wait);
        Assert.Contains("le pasteur Nguyen", fr.Text(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("l'Ecclésiaste", fr.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("Zxqv", es.Text() + fr.Text(), StringComparison.OrdinalIgnoreCase);
        await spanish.WaitForAsync(m => m.Type == "audioData" && m.Seq == transcript.Seq, Wait);

        // Changed between phrases: the next phrase uses the new rendering.
        using (var change = await http.PutAsJsonAsync($"/api/glossaries/{glossaryId}", new
        {
            name = "Service",
            entries = new object[] { new { term = "Ecclesiastes", renderings = new Dictionary<string, string> { ["es"] = "el Qohélet" } } },
        }))
        {
            Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        }

        await speaker.SendJsonAsync(new { type = "typed", text = "Ecclesiastes is short." });
        var second = await speaker.WaitForAsync(m => m.Type == "transcript" && m.Final && m.Seq > transcript.Seq, Wait);
        var es2 = await spanish.WaitForAsync(m => m.Type == "caption" && m.Final && m.Seq == second.Seq, Wait);
        Assert.Contains("el Qohélet", es2.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("Eclesiastés", es2.Text(), StringComparison.Ordinal);

        var text = await http.GetStringAsync($"/api/sessions/{id}/transcript?format=txt&targetLanguage=es");
        Assert.Contains("Eclesiastés", text, StringComparison.Ordinal);
        Assert.Contains("el Qohélet", text, StringComparison.Ordinal);
    }

    private static async Task<string> CreateGlossaryAsync(HttpClient http, object body)
    {
        using var response = await http.PostAsJsonAsync("/api/glossaries", body);
        var json = await ProblemAssert.JsonAsync(response, HttpStatusCode.Created);
        return json.GetProperty("id").GetString()!;
    }
}
