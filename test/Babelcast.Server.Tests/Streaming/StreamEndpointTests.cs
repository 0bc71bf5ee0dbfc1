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
    private const double Lead = 1.0; // StreamOptions.Lead's default

    [Fact]
    public async Task Stream_WithSpeech_IsContinuousMp3PacedToWallClockWithSpeechAfterThePhrase()
    {
        var (id, speaker) = await fixture.StartSpeakerAsync();
        await using var speakerScope = speaker;
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
            await Task.Delay(2000); // a clip may close more than one phrase

            // Each phrase's MP3 is stored before it is sent: once the last one is there, wait until it has played out,
            // so that the window below ends on silence (a phrase is written ahead of the clock by its duration).
            var lastSeq = speaker.OfType("transcript").Where(m => m.Final).Max(m => m.Seq);
            var mp3 = await WaitForPhraseAudioAsync(client, id, lastSeq);
            var playOut = TimeSpan.FromSeconds((mp3.Length / 7000.0) + 1.5);
            await Task.Delay(playOut > TimeSpan.FromSeconds(14) - Stopwatch.GetElapsedTime(opened) ? playOut : TimeSpan.FromSeconds(14) - Stopwatch.GetElapsedTime(opened));

            var bytes = capture.Bytes();
            // The capture goes on reading in the background: only reads within the bytes taken here count.
            var reads = capture.Reads().Where(r => r.Length <= bytes.Length).ToList();
            var elapsed = Stopwatch.GetElapsedTime(capture.FirstByteTimestamp, reads[^1].Timestamp).TotalSeconds;
            var frames = Mp3Decoding.CountContiguousFrames(bytes, out var rate);
            var pcm = Mp3Decoding.Decode(bytes);
            var decoded = pcm.Samples.Length / (double)pcm.SampleRate;
            Assert.Equal(rate, pcm.SampleRate);
            Assert.Equal(1, pcm.Channels);
            Assert.InRange(decoded, (frames - 2) * 576.0 / rate, (frames + 1) * 576.0 / rate);
            Assert.InRange(decoded, elapsed, elapsed + Lead + 0.5);

            // Pacing, away from the start (whose first bytes may be late on a busy machine): the audio received between
            // two moments tracks the wall clock between them within 2 %. A read's time can only be late (a busy test
            // process), so at each end the read that is least late (most audio for its time) stands for it.
            double Position((long Timestamp, int Length) r) => Mp3Decoding.CountContiguousFrames(bytes[..r.Length], out _) * 576.0 / rate;
            double Seconds(long t) => Stopwatch.GetElapsedTime(capture.FirstByteTimestamp, t).TotalSeconds;
            var early = reads.Where(r => Seconds(r.Timestamp) is >= 2 and <= 4).MaxBy(r => Position(r) - Seconds(r.Timestamp));
            var late = reads.Where(r => Seconds(r.Timestamp) >= Seconds(reads[^1].Timestamp) - 2).MaxBy(r => Position(r) - Seconds(r.Timestamp));
            var window = Seconds(late.Timestamp) - Seconds(early.Timestamp);
            var audioInWindow = Position(late) - Position(early);
            Assert.True(window >= 8, $"only {window:F1} s measured");
            Assert.True(Math.Abs(audioInWindow - window) <= 0.02 * window,
                $"{audioInWindow:F3} s of stream arrived over {window:F3} s of wall clock; whole: {decoded:F3} s over {elapsed:F3} s");

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
        await using var speakerScope = speaker;
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

    private static async Task<byte[]> WaitForPhraseAudioAsync(HttpClient client, string id, long seq)
    {
        var deadline = DateTimeOffset.UtcNow + Wait;
        while (true)
        {
            using var response = await client.GetAsync($"/api/sessions/{id}/audio/{seq}?targetLanguage=es");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return await response.Content.ReadAsByteArrayAsync();
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"no Spanish audio for phrase {seq}");
            await Task.Delay(100);
        }
    }

    internal static int Count(JsonElement json, string language) =>
        json.TryGetProperty("languageDistribution", out var d) && d.TryGetProperty(language, out var n) ? n.GetInt32() : 0;

    internal static async Task<JsonElement> GetSessionAsync(HttpClient client, string id)
    {
        using var response = await client.GetAsync($"/api/sessions/{id}");
        return await ProblemAssert.JsonAsync(response, HttpStatusCode.OK);
    }
}
