using System.Net;
using Babelcast.Core.Protocol;
using Babelcast.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Babelcast.Server.Tests.Http;

[Collection(HttpServerCollection.Name)]
public sealed class SessionResourceTests(HttpServerFixture fixture)
{
    [Fact]
    public async Task Qr_KnownSession_ReturnsSvg()
    {
        var id = await fixture.Server.CreateSessionAsync(fixture.AdminToken);
        using var client = fixture.Client();
        using var response = await client.GetAsync($"/api/sessions/{id}/qr.svg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        var svg = await response.Content.ReadAsStringAsync();
        Assert.Contains("<svg", svg, StringComparison.Ordinal);
        Assert.Contains("</svg>", svg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Qr_UnknownOrMalformedSession_Returns404Or400()
    {
        using var client = fixture.Client();
        using var missing = await client.GetAsync("/api/sessions/absent-session-999/qr.svg");
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.NotFound, ErrorCodes.SessionNotFound);
        using var bad = await client.GetAsync("/api/sessions/x/qr.svg");
        await ProblemAssert.IsProblemAsync(bad, HttpStatusCode.BadRequest, ErrorCodes.InvalidSessionId);
    }

    [Fact]
    public async Task Audio_StoredPhrase_ReturnsMpeg()
    {
        var id = await fixture.Server.CreateSessionAsync(fixture.AdminToken);
        byte[] mp3 = [0xFF, 0xFB, 0x90, 0x64, 1, 2, 3];
        await fixture.Server.Services.GetRequiredService<IPhraseAudioStore>().SaveAsync(id, 3, "es", mp3, CancellationToken.None);

        using var client = fixture.Client();
        using var response = await client.GetAsync($"/api/sessions/{id}/audio/3?targetLanguage=es");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("audio/mpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(mp3, await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("4?targetLanguage=es")]
    [InlineData("3?targetLanguage=fr")]
    [InlineData("abc?targetLanguage=es")]
    [InlineData("-1?targetLanguage=es")]
    public async Task Audio_Unknown_Returns404AudioNotFound(string rest)
    {
        var id = await fixture.Server.CreateSessionAsync(fixture.AdminToken);
        await fixture.Server.Services.GetRequiredService<IPhraseAudioStore>().SaveAsync(id, 3, "es", new byte[] { 1 }, CancellationToken.None);
        using var client = fixture.Client();
        using var response = await client.GetAsync($"/api/sessions/{id}/audio/{rest}");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, ErrorCodes.AudioNotFound);
    }

    [Fact]
    public async Task Audio_MalformedIdOrNoLanguage_Returns400()
    {
        using var client = fixture.Client();
        using var upper = await client.GetAsync("/api/sessions/Brave-otter-123/audio/1?targetLanguage=es");
        await ProblemAssert.IsProblemAsync(upper, HttpStatusCode.BadRequest, ErrorCodes.InvalidSessionId);
        using var noLanguage = await client.GetAsync("/api/sessions/brave-otter-123/audio/1");
        await ProblemAssert.IsProblemAsync(noLanguage, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
    }

    [Fact]
    public async Task Languages_Get_ListsSourcesTargetsAndPairs()
    {
        using var client = fixture.Client();
        using var response = await client.GetAsync("/api/languages");
        var body = await ProblemAssert.JsonAsync(response, HttpStatusCode.OK);

        var en = body.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("code").GetString() == "en");
        Assert.Equal("English", en.GetProperty("name").GetString());
        Assert.Contains(body.GetProperty("targets").EnumerateArray(), t => t.GetProperty("code").GetString() == "es");
        Assert.Contains("es", body.GetProperty("targetsBySource").GetProperty("en").EnumerateArray().Select(e => e.GetString()));
    }
}
