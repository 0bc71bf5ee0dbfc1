using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Babelcast.Core.Storage;
using Babelcast.Server.Auth;
using Babelcast.Server.Tests.Pipeline;
using Babelcast.Server.Tests.WebSockets;
using Microsoft.Extensions.DependencyInjection;

namespace Babelcast.Server.Tests.Console;

/// <summary>
/// Prepared text on the real server: loaded by the session's owner, translated ahead by Apertium, and sent cue by cue
/// on the speaker socket as phrases whose captions carry the text translated ahead; limits answer SCRIPT_TOO_LARGE.
/// </summary>
[Collection("real-engines")]
public sealed class PreparedTextTests(LiveSessionFixture fixture) : IClassFixture<LiveSessionFixture>
{
    private const string Script = "# Welcome\nGood morning and welcome.\n\nPlease turn off your phones.\n## Reading\nThe reading is from the book of Ruth.\n";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Script_TranslatedAhead_CueGoesOutWithThatTextMarkedPrepared()
    {
        var (id, speaker) = await fixture.StartSpeakerAsync();
        await using var owned = speaker;
        using var http = Client(fixture.Token);

        using var markdown = new StringContent(Script, Encoding.UTF8, "text/markdown");
        using (var loaded = await http.PostAsync($"/api/sessions/{id}/script", markdown))
        {
            Assert.Equal(HttpStatusCode.Created, loaded.StatusCode);
            using var body = JsonDocument.Parse(await loaded.Content.ReadAsStringAsync());
            Assert.Equal(3, body.RootElement.GetProperty("cueCount").GetInt32());
            var cues = body.RootElement.GetProperty("cues").EnumerateArray().ToList();
            Assert.Equal(["Welcome", "Welcome", "Reading"], cues.Select(c => c.GetProperty("section").GetString()));
            Assert.Equal("Please turn off your phones.", cues[1].GetProperty("text").GetString());
            Assert.Contains(body.RootElement.GetProperty("languages").EnumerateArray(), l => l.GetProperty("language").GetString() == "es");
        }

        var ahead = await TranslatedAheadAsync(http, id, "es", 1);
        await using var spanish = await fixture.JoinAsync(id, "es");
        await SocketAssert.StatusAsync(speaker, 0, ("es", 1));

        await speaker.SendJsonAsync(new { type = "cue", index = 1 });

        var transcript = await speaker.WaitForAsync(m => m.Type == "transcript" && m.Final, Wait);
        Assert.Equal("prepared", transcript.Text("origin"));
        Assert.Equal("Please turn off your phones.", transcript.Text());
        var caption = await spanish.WaitForAsync(m => m.Type == "caption" && m.Final && m.Seq == transcript.Seq, Wait);
        Assert.Equal("prepared", caption.Text("origin"));
        Assert.Equal(ahead, caption.Text());
        Assert.False(caption.Json.TryGetProperty("machineTranslated", out _));
        await spanish.WaitForAsync(m => m.Type == "audioData" && m.Seq == transcript.Seq, Wait);

        // The session's end drops its prepared text.
        using (var ended = await http.DeleteAsync($"/api/sessions/{id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
        }

        using var gone = await http.GetAsync($"/api/sessions/{id}/script");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Contains("CUE_NOT_FOUND", await gone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cue_WithoutScriptOrOutOfRange_RefusedCueNotFound()
    {
        var (id, speaker) = await fixture.StartSpeakerAsync();
        await using var owned = speaker;

        var mark = SocketAssert.Mark(speaker);
        await speaker.SendJsonAsync(new { type = "cue", index = 0 });
        await SocketAssert.NextErrorAsync(speaker, mark, "CUE_NOT_FOUND");

        using var http = Client(fixture.Token);
        using (var loaded = await http.PostAsJsonAsync($"/api/sessions/{id}/script", new { text = "One line." }))
        {
            Assert.Equal(HttpStatusCode.Created, loaded.StatusCode);
        }

        mark = SocketAssert.Mark(speaker);
        await speaker.SendJsonAsync(new { type = "cue", index = 1 });
        var error = await SocketAssert.NextErrorAsync(speaker, mark, "CUE_NOT_FOUND");
        Assert.Contains("0 to 0", error.Text("message"), StringComparison.Ordinal);

        mark = SocketAssert.Mark(speaker);
        await speaker.SendJsonAsync(new { type = "cue", index = "first" });
        await SocketAssert.NextErrorAsync(speaker, mark, "INVALID_MESSAGE");
        Assert.DoesNotContain(speaker.Messages, m => m.Type == "transcript");
    }

    [Theory]
    [InlineData("bytes")]
    [InlineData("lines")]
    [InlineData("line")]
    public async Task Script_OverALimit_RefusedScriptTooLarge(string limit)
    {
        var id = await fixture.Server.CreateSessionAsync(fixture.Token);
        using var http = Client(fixture.Token);
        var text = limit switch
        {
            "bytes" => string.Join('\n', Enumerable.Repeat(new string('a', 400), 700)),
            "lines" => string.Join('\n', Enumerable.Range(0, 2001).Select(i => $"Line {i}.")),
            _ => "Short.\n" + new string('b', 501),
        };

        using var content = new StringContent(text, Encoding.UTF8, "text/plain");
        using var response = await http.PostAsync($"/api/sessions/{id}/script", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("SCRIPT_TOO_LARGE", body.RootElement.GetProperty("code").GetString());
        Assert.Contains(limit == "line" ? "Line 2" : limit == "lines" ? "2000" : "262144", body.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var none = await http.GetAsync($"/api/sessions/{id}/script");
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }

    [Fact]
    public async Task Script_NotTheOwnerOrNoToken_Refused()
    {
        var id = await fixture.Server.CreateSessionAsync(fixture.Token);
        var users = fixture.Server.Services.GetRequiredService<IUserStore>();
        await users.TryCreateAsync(new UserRecord("scriptintruder", PasswordHasher.Hash("intruder-password-1"), DateTimeOffset.UnixEpoch), CancellationToken.None);
        var other = await fixture.Server.GetTokenAsync("scriptintruder", "intruder-password-1");

        using var hello = new StringContent("Hello.", Encoding.UTF8, "text/plain");
        using (var intruder = Client(other))
        using (var response = await intruder.PostAsync($"/api/sessions/{id}/script", hello))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        using var anonymous = fixture.Server.CreateClient();
        using var hello2 = new StringContent("Hello.", Encoding.UTF8, "text/plain");
        using (var response = await anonymous.PostAsync($"/api/sessions/{id}/script", hello2))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        using var owner = Client(fixture.Token);
        using var get = await owner.GetAsync($"/api/sessions/{id}/script");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    private HttpClient Client(string token)
    {
        var http = fixture.Server.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>Polls the script until the cue's translation into <paramref name="language"/> is ready, and returns it.</summary>
    private static async Task<string> TranslatedAheadAsync(HttpClient http, string id, string language, int index)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (true)
        {
            using var doc = JsonDocument.Parse(await http.GetStringAsync($"/api/sessions/{id}/script"));
            var translations = doc.RootElement.GetProperty("cues")[index].GetProperty("translations");
            if (translations.TryGetProperty(language, out var text))
            {
                return text.GetString()!;
            }

            Assert.True(DateTime.UtcNow < deadline, "the cue was not translated ahead in time");
            await Task.Delay(200);
        }
    }
}
