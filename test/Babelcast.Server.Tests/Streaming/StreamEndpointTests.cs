using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Babelcast.Server.Tests.Http;
using Babelcast.Server.Tests.Pipeline;
using Babelcast.Testing;

namespace Babelcast.Server.Tests.Streaming;

[Collection("real-engines")]
public sealed class StreamEndpointTests(LiveSessionFixture fixture) : IClassFixture<LiveSessionFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private const double Lead = 0.4; // StreamOptions.Lead's default

    [Fact]
    public async Task Stream_WithSpeech_IsContinuousMp3PacedToWallClockWithSpeechAfterThePhrase()
    {
        var (id, speaker) = await fixture.StartSpeakerAsync();
        await using var _ = speaker;
        using var client = fixture.Server.CreateClient();
        client.Timeout = Timeout.InfiniteTimeSpan;
        var capture = await StreamCapture.OpenAsync(client, $"/api/sessions/{id}/stream/es.mp3");
        try
        {
            var response = capture.Response;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("audio/mpeg", response.Content.Headers.ContentType?.MediaType);
            Assert.Null(response.Content.Headers.ContentLength);
            Assert.True(response.Headers.TransferEncodingChunked);
            Assert.True(response.Headers.CacheControl?.NoStore);

            // The only listener is the stream, so Spanish is translated for it alone.
            var status = await speaker.WaitForAsync(m => m.Type == "sessionStatus" && Count(m.Json, "es") == 1, Wait);
            Assert.Equal(1, status.Json.GetProperty("listenerCount").GetInt32());
            var opened = Stopwatch.GetTimestamp();

            await Task.Delay(1000);
            var speechAt = Stopwatch.GetElapsedTime(opened).TotalSeconds;
            var audio = Wav.Read16kMono(TestData.SpeechFile("goforward.wav")).Concat(new short[16000]).ToArray();
            await speaker.StreamAudioAsync(audio);
            await speaker.WaitForAsync(m => m.Type == "transcript" && m.Final, Wait);
            var phraseDone = Stopwatch.GetElapsedTime(opened).TotalSeconds;
            await Task.Delay(TimeSpan.FromSeconds(Math.Max(14 - phraseDone, 7)));

            var bytes = capture.Bytes();
            var elapsed = Stopwatch.GetElapsedTime(capture.FirstByteTimestamp, capture.LastByteTimestamp).TotalSeconds;
            var frames = Mp3Decoding.CountContiguousFrames(bytes, out var rate);
            var pcm = Mp3Decoding.Decode(bytes);
            var decoded = pcm.Samples.Length / (double)pcm.SampleRate;
            Assert.Equal(rate, pcm.SampleRate);
            Assert.Equal(1, pcm.Channels);
            Assert.InRange(decoded, (frames - 2) * 576.0 / rate, (frames + 1) * 576.0 / rate);
            Assert.True(Math.Abs(decoded - (elapsed + Lead)) <= 0.02 * elapsed,
                $"decoded {decoded:F3} s of stream over {elapsed:F3} s of wall clock (lead {Lead} s)");

            var loud = Mp3Decoding.LoudWindows(pcm);
            Assert.NotEmpty(loud);
            Assert.True(loud[0] >= speechAt, $"speech at {loud[0]:F2} s of the stream, before the speaker spoke ({speechAt:F2} s)");

            await speaker.SendJsonAsync(new { type = "end" });
            Assert.True(await capture.Reading.WaitAsync(Wait), "the response should complete when the session ends");
        }
        finally
        {
            await capture.DisposeAsync();
        }
    }

    [Fact]
    public async Task Stream_WhileMuted_StaysSilentThoughPhrasesAreTranslated()
    {
        var (id, speaker) = await fixture.StartSpeakerAsync();
        await using var _ = speaker;
        await speaker.SendJsonAsync(new { type = "mute" });
        await speaker.WaitForAsync(m => m.Type == "statusChanged" && m.Json.GetProperty("muted").GetBoolean(), Wait);
        await using var ws = await fixture.JoinAsync(id, "es");
        using var client = fixture.Server.CreateClient();
        client.Timeout = Timeout.InfiniteTimeSpan;
        var capture = await StreamCapture.OpenAsync(client, $"/api/sessions/{id}/stream/es.mp3");
        try
        {
            Assert.Equal(HttpStatusCode.OK, capture.Response.StatusCode);
            var audio = Wav.Read16kMono(TestData.SpeechFile("goforward.wav")).Concat(new short[16000]).ToArray();
            await speaker.StreamAudioAsync(audio);
            await ws.WaitForAsync(m => m.Type == "audioData", Wait); // the phrase was synthesised for Spanish
            await Task.Delay(TimeSpan.FromSeconds(2));

            var pcm = Mp3Decoding.Decode(capture.Bytes());
            Assert.True(pcm.Samples.Length > pcm.SampleRate * 3, "the stream kept running while muted");
            Assert.Empty(Mp3Decoding.LoudWindows(pcm));
        }
        finally
        {
            await capture.DisposeAsync();
        }
    }

    [Fact]
    public async Task Stream_CountsAsListener_UntilTheClientLeaves()
    {
        var id = await fixture.Server.CreateSessionAsync(fixture.Token);
        using var client = fixture.Server.CreateClient();
        var capture = await StreamCapture.OpenAsync(client, $"/api/sessions/{id}/stream/fr.mp3");
        try
        {
            Assert.Equal(HttpStatusCode.OK, capture.Response.StatusCode);
            var session = await GetSessionAsync(client, id);
            Assert.Equal(1, session.GetProperty("listenerCount").GetInt32());
            Assert.Equal(1, Count(session, "fr"));
        }
        finally
        {
            await capture.DisposeAsync();
        }

        var deadline = DateTimeOffset.UtcNow + Wait;
        while ((await GetSessionAsync(client, id)).GetProperty("listenerCount").GetInt32() != 0)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "the stream client was never removed");
            await Task.Delay(100);
        }
    }

    [Theory]
    [InlineData("Not_An_Id", "es", HttpStatusCode.BadRequest, "INVALID_SESSION_ID")]
    [InlineData("nobody-nowhere-000", "es", HttpStatusCode.NotFound, "SESSION_NOT_FOUND")]
    public async Task Stream_BadSession_AnswersProblem(string id, string language, HttpStatusCode status, string code)
    {
        using var client = fixture.Server.CreateClient();
        using var response = await client.GetAsync($"/api/sessions/{id}/stream/{language}.mp3");
        await ProblemAssert.IsProblemAsync(response, status, code);
    }

    [Fact]
    public async Task Stream_UnsupportedLanguage_AnswersProblemWithSupportedList()
    {
        var id = await fixture.Server.CreateSessionAsync(fixture.Token);
        using var client = fixture.Server.CreateClient();
        using var response = await client.GetAsync($"/api/sessions/{id}/stream/xx.mp3");
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "UNSUPPORTED_LANGUAGE");
        Assert.Contains("es", problem.GetProperty("supportedLanguages").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Stream_EndedSession_AnswersGone()
    {
        var id = await fixture.Server.CreateSessionAsync(fixture.Token);
        using var client = fixture.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", fixture.Token);
        (await client.DeleteAsync($"/api/sessions/{id}")).EnsureSuccessStatusCode();
        using var response = await client.GetAsync($"/api/sessions/{id}/stream/es.mp3");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Gone, "SESSION_ENDED");
    }

    internal static int Count(JsonElement json, string language) =>
        json.TryGetProperty("languageDistribution", out var d) && d.TryGetProperty(language, out var n) ? n.GetInt32() : 0;

    internal static async Task<JsonElement> GetSessionAsync(HttpClient client, string id)
    {
        using var response = await client.GetAsync($"/api/sessions/{id}");
        return await ProblemAssert.JsonAsync(response, HttpStatusCode.OK);
    }
}
