using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Babelcast.Server.Tests.WebSockets;
using Babelcast.Testing;
using Babelcast.Testing.Host;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Babelcast.Server.Tests.Console;

/// <summary>
/// "Follow the speaker" on the real server and engines: flite reads five lines of a loaded script with an aside in the
/// middle; with follow on, a Spanish listener gets each line as its prepared translation (origin prepared, its cue),
/// in order, and the aside as recognised speech. The test prints how each line was followed.
/// </summary>
[Collection("real-engines")]
public sealed class FollowTheSpeakerTests(FollowServerFixture fixture, ITestOutputHelper output) : IClassFixture<FollowServerFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(180);

    private static readonly string[] Script =
    [
        "Good morning and welcome to our church.",
        "The Lord is my shepherd, I shall not want.",
        "Surely goodness and mercy shall follow me all the days of my life.",
        "We will now take a few minutes for questions from the audience.",
        "Thank you for joining us, and may God bless you and your family.",
    ];

    private const string Aside = "Please remember to sign the visitor book at the door.";

    [Theory]
    [InlineData("kal16")]
    [InlineData("slt")]
    public async Task ScriptReadAloud_ListenerGetsPreparedTranslations_AsideGoesOutAsSpeech(string voice)
    {
        var (id, speaker) = await fixture.StartSpeakerAsync();
        await using var owned = speaker;
        using var http = fixture.Server.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Token);
        await using var spanish = await fixture.JoinAsync(id, "es");
        await SocketAssert.StatusAsync(speaker, 0, ("es", 1));
        using (var loaded = await http.PostAsJsonAsync($"/api/sessions/{id}/script", new { text = "# Welcome\n" + string.Join('\n', Script) }))
        {
            Assert.Equal(HttpStatusCode.Created, loaded.StatusCode);
        }

        var ahead = await TranslatedAheadAsync(http, id, "es");
        await speaker.SendJsonAsync(new { type = "follow", on = true });
        var ack = await speaker.WaitForAsync(m => m.Type == "followStatus", TimeSpan.FromSeconds(10));
        Assert.True(ack.Json.GetProperty("on").GetBoolean());
        Assert.Equal(0, ack.Json.GetProperty("next").GetInt32());

        string[] spoken = [Script[0], Script[1], Aside, Script[2], Script[3], Script[4]];
        var audio = new List<short>();
        foreach (var line in spoken)
        {
            audio.AddRange(SpokenClips.Speak(line, voice));
            audio.AddRange(new short[24_000]);
        }

        await speaker.StreamAudioAsync([.. audio], frameMs: 100, speed: 2);
        var last = await spanish.WaitForAsync(m => m.Type == "caption" && m.Final && Cues(m).Contains(Script.Length - 1), Wait);
        await Task.Delay(1000); // Nothing more is expected; a stray phrase would show in the assertions below.

        var captions = spanish.Messages.Where(m => m.Type == "caption" && m.Final).OrderBy(m => m.Seq).ToList();
        foreach (var c in captions)
        {
            var transcript = speaker.Messages.FirstOrDefault(m => m.Type == "transcript" && m.Final && m.Seq == c.Seq);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"seq {c.Seq} origin {c.Text("origin"),-8} cues [{string.Join(',', Cues(c))}] es \"{c.Text()}\" (source \"{transcript?.Text()}\")"));
        }

        ReportScores(id);
        var followed = captions.Where(c => c.Text("origin") == "prepared").ToList();
        var cues = followed.SelectMany(Cues).ToList();
        output.WriteLine($"lines followed: {cues.Distinct().Count()}/{Script.Length}");
        Assert.Equal(Enumerable.Range(0, Script.Length), cues);
        foreach (var c in followed)
        {
            Assert.Equal(string.Join(' ', Cues(c).Select(i => ahead[i])), c.Text());
        }

        // The aside: recognised speech (no origin, no cues) between the second and third lines.
        var second = followed.Single(c => Cues(c).Contains(1)).Seq;
        var third = followed.Single(c => Cues(c).Contains(2)).Seq;
        var aside = Assert.Single(captions, c => c.Seq > second && c.Seq < third);
        Assert.Equal(string.Empty, aside.Text("origin"));
        Assert.False(aside.Json.TryGetProperty("cues", out _));
        Assert.Contains("visitor", aside.Text("sourceText"), StringComparison.OrdinalIgnoreCase);

        // The speaker page was told where the speaker is.
        var status = speaker.Messages.Last(m => m.Type == "followStatus");
        Assert.Equal(Script.Length, status.Json.GetProperty("next").GetInt32());
        Assert.Equal(Script.Length - 1, status.Json.GetProperty("sent").GetInt32());
        await spanish.WaitForAsync(m => m.Type == "audioData" && m.Seq == last.Seq, Wait);
    }

    [Fact]
    public async Task Follow_WithoutScriptOrMalformed_Refused()
    {
        var (id, speaker) = await fixture.StartSpeakerAsync();
        await using var owned = speaker;

        var mark = SocketAssert.Mark(speaker);
        await speaker.SendJsonAsync(new { type = "follow", on = true });
        await SocketAssert.NextErrorAsync(speaker, mark, "CUE_NOT_FOUND");

        mark = SocketAssert.Mark(speaker);
        await speaker.SendJsonAsync(new { type = "follow", on = "yes" });
        await SocketAssert.NextErrorAsync(speaker, mark, "INVALID_MESSAGE");
        Assert.DoesNotContain(speaker.Messages, m => m.Type == "followStatus");

        using var http = fixture.Server.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Token);
        using (var loaded = await http.PostAsJsonAsync($"/api/sessions/{id}/script", new { text = "One.\nTwo." }))
        {
            Assert.Equal(HttpStatusCode.Created, loaded.StatusCode);
        }

        await speaker.SendJsonAsync(new { type = "cue", index = 0 });
        var sent = await speaker.WaitForAsync(m => m.Type == "transcript" && m.Final, Wait);
        Assert.Equal([0], Cues(sent));
        await speaker.SendJsonAsync(new { type = "follow", on = false });
        var ack = await speaker.WaitForAsync(m => m.Type == "followStatus", TimeSpan.FromSeconds(10));
        Assert.False(ack.Json.GetProperty("on").GetBoolean());
        Assert.Equal(1, ack.Json.GetProperty("next").GetInt32());
        Assert.Equal(0, ack.Json.GetProperty("sent").GetInt32());
    }

    /// <summary>The similarity of each phrase (the follower's log) and what neighbouring thresholds would have made of it.</summary>
    private void ReportScores(string id)
    {
        var phrases = fixture.Server.Services.GetFakeLogCollector().GetSnapshot()
            .Where(r => r.Id.Id is 5605 or 5606 && r.Message.Contains(id, StringComparison.Ordinal))
            .Select(r => (Followed: r.Id.Id == 5605, Score: double.Parse(Regex.Match(r.Message, @"similarity (\d\.\d+)").Groups[1].Value, CultureInfo.InvariantCulture), r.Message))
            .ToList();
        foreach (var p in phrases)
        {
            output.WriteLine(p.Message);
        }

        foreach (var threshold in new[] { 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8 })
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"threshold {threshold:F2}: lines followed {phrases.Count(p => p.Followed && p.Score >= threshold)}/{phrases.Count(p => p.Followed)}, asides taken for a line {phrases.Count(p => !p.Followed && p.Score >= threshold)}"));
        }
    }

    private static List<int> Cues(ReceivedMessage m) =>
        m.Json.TryGetProperty("cues", out var cues) ? [.. cues.EnumerateArray().Select(c => c.GetInt32())] : [];

    private static async Task<string[]> TranslatedAheadAsync(HttpClient http, string id, string language)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (true)
        {
            using var doc = JsonDocument.Parse(await http.GetStringAsync($"/api/sessions/{id}/script"));
            var cues = doc.RootElement.GetProperty("cues").EnumerateArray().Select(c => c.GetProperty("translations")).ToList();
            if (cues.All(t => t.TryGetProperty(language, out _)))
            {
                return [.. cues.Select(t => t.GetProperty(language).GetString()!)];
            }

            Assert.True(DateTime.UtcNow < deadline, "the script was not translated ahead in time");
            await Task.Delay(200);
        }
    }
}

/// <summary>A real server whose follower's log lines (each phrase's similarity) are collected for the measurement.</summary>
public sealed class FollowServerFixture : IAsyncLifetime
{
    public BabelcastTestServer Server { get; private set; } = null!;

    public string Token { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        Server = await BabelcastTestServer.StartAsync(
            new Dictionary<string, string?> { ["Logging:LogLevel:Babelcast.Server.Operator"] = "Information" },
            services => services.AddLogging(l => l.AddFakeLogging()));
        Token = await Server.GetTokenAsync();
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public async Task<(string SessionId, ProtocolClient Speaker)> StartSpeakerAsync()
    {
        var id = await Server.CreateSessionAsync(Token);
        var speaker = await ProtocolClient.ConnectAsync(Server.WebSocketUri($"/ws/speak?sessionId={id}&token={Token}"));
        await speaker.WaitForTypeAsync("connected", TimeSpan.FromSeconds(10));
        return (id, speaker);
    }

    public async Task<ProtocolClient> JoinAsync(string sessionId, string language)
    {
        var listener = await ProtocolClient.ConnectAsync(Server.WebSocketUri($"/ws/listen?sessionId={sessionId}&targetLanguage={language}"));
        await listener.WaitForTypeAsync("sessionJoined", TimeSpan.FromSeconds(10));
        return listener;
    }
}
