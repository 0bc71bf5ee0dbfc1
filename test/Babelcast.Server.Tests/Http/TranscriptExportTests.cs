using System.Net;
using Babelcast.Core.Protocol;
using Babelcast.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Babelcast.Server.Tests.Http;

[Collection(HttpServerCollection.Name)]
public sealed class TranscriptExportTests(HttpServerFixture fixture)
{
    [Fact]
    public async Task Transcript_SourceDefaults_ReturnsPlainTextAttachment()
    {
        var id = await CreateWithPhrasesAsync();
        using var client = fixture.Client(fixture.AdminToken);
        using var response = await client.GetAsync($"/api/sessions/{id}/transcript");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"{id}-en.txt", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("Hello world.\nSecond phrase here.\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Transcript_SrtOfTranslation_ReturnsNumberedCues()
    {
        var id = await CreateWithPhrasesAsync();
        using var client = fixture.Client(fixture.AdminToken);
        using var response = await client.GetAsync($"/api/sessions/{id}/transcript?targetLanguage=es&format=srt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-subrip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            "1\n00:00:00,250 --> 00:00:01,500\nHola mundo.\n\n2\n01:02:03,004 --> 01:02:05,000\nSegunda frase aquí.\n\n",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Transcript_VttOfSource_ReturnsWebVtt()
    {
        var id = await CreateWithPhrasesAsync();
        using var client = fixture.Client(fixture.AdminToken);
        using var response = await client.GetAsync($"/api/sessions/{id}/transcript?targetLanguage=en&format=vtt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/vtt", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            "WEBVTT\n\n00:00:00.250 --> 00:00:01.500\nHello world.\n\n01:02:03.004 --> 01:02:05.000\nSecond phrase here.\n\n",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Transcript_BadFormatOrLanguage_Returns400()
    {
        var id = await CreateWithPhrasesAsync();
        using var client = fixture.Client(fixture.AdminToken);
        using var format = await client.GetAsync($"/api/sessions/{id}/transcript?format=docx");
        await ProblemAssert.IsProblemAsync(format, HttpStatusCode.BadRequest, ErrorCodes.InvalidFormat);
        using var language = await client.GetAsync($"/api/sessions/{id}/transcript?targetLanguage=xx");
        var problem = await ProblemAssert.IsProblemAsync(language, HttpStatusCode.BadRequest, ErrorCodes.UnsupportedLanguage);
        Assert.Contains("es", problem.GetProperty("supportedLanguages").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Transcript_WithoutTokenOrUnknownSession_Returns401Or404()
    {
        var id = await CreateWithPhrasesAsync();
        using var anonymous = fixture.Client();
        using var unauthorized = await anonymous.GetAsync($"/api/sessions/{id}/transcript");
        await ProblemAssert.IsProblemAsync(unauthorized, HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);

        using var client = fixture.Client(fixture.AdminToken);
        using var missing = await client.GetAsync("/api/sessions/absent-session-999/transcript");
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.NotFound, ErrorCodes.SessionNotFound);
    }

    private async Task<string> CreateWithPhrasesAsync()
    {
        var id = await fixture.Server.CreateSessionAsync(fixture.AdminToken);
        var store = fixture.Server.Services.GetRequiredService<ITranscriptStore>();
        var now = DateTimeOffset.UnixEpoch;
        var ct = CancellationToken.None;
        var late = (3600 + 120 + 3) * 1000L + 4;
        await store.AddPhraseAsync(new PhraseRecord(id, 1, "Hello world.", 250, 1500, now, null), ct);
        await store.AddPhraseAsync(new PhraseRecord(id, 2, "Second phrase here.", late, 3_725_000, now, null), ct);
        await store.AddTranslationAsync(new TranslationRecord(id, 1, "es", "Hola mundo.", "Hello world.", 250, 1500, 900, now), ct);
        await store.AddTranslationAsync(new TranslationRecord(id, 2, "es", "Segunda frase aquí.", "Second phrase here.", late, 3_725_000, 1200, now), ct);
        return id;
    }
}
