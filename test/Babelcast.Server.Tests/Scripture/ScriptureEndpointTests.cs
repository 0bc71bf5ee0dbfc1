using System.Net;
using System.Text.Json;
using Babelcast.Core.Protocol;
using Babelcast.Server.Tests.Http;

namespace Babelcast.Server.Tests.Scripture;

/// <summary>GET /api/bibles and /api/scripture through the real server, reading the installed SWORD modules.</summary>
[Collection(HttpServerCollection.Name)]
public sealed class ScriptureEndpointTests(HttpServerFixture fixture)
{
    [Fact]
    public async Task Bibles_WithoutToken_ListsTheInstalledBibles()
    {
        using var client = fixture.Client();
        using var response = await client.GetAsync("/api/bibles");

        var body = await ProblemAssert.JsonAsync(response, HttpStatusCode.OK);
        var bibles = body.GetProperty("bibles").EnumerateArray().ToDictionary(b => b.GetProperty("id").GetString()!);
        Assert.Equal("en", bibles["engWEB2015eb"].GetProperty("language").GetString());
        Assert.Equal("es", bibles["spaRV1909eb"].GetProperty("language").GetString());
        Assert.Equal("Public Domain", bibles["engKJV2006eb"].GetProperty("licence").GetString());
        Assert.Equal("King James Version", bibles["engKJV2006eb"].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Scripture_Spanish_ReadsReinaValera()
    {
        var body = await GetOkAsync("/api/scripture?ref=John+3:16&lang=es");

        Assert.Equal("spaRV1909eb", body.GetProperty("bible").GetProperty("id").GetString());
        Assert.Equal("es", body.GetProperty("language").GetString());
        Assert.Equal("John.3.16", body.GetProperty("reference").GetProperty("osis").GetString());
        Assert.Equal("John 3:16", body.GetProperty("reference").GetProperty("display").GetString());
        var verse = Assert.Single(body.GetProperty("verses").EnumerateArray().ToList());
        Assert.Equal(16, verse.GetProperty("verse").GetInt32());
        Assert.Contains("de tal manera amó Dios al mundo", verse.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scripture_NoLanguage_ReadsTheWorldEnglishBible()
    {
        var body = await GetOkAsync("/api/scripture?ref=" + Uri.EscapeDataString("john chapter three verse sixteen"));

        Assert.Equal("engWEB2015eb", body.GetProperty("bible").GetProperty("id").GetString());
        Assert.Contains("For God so loved the world", body.GetProperty("verses")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scripture_Range_ReturnsEachVerse()
    {
        var body = await GetOkAsync("/api/scripture?ref=" + Uri.EscapeDataString("1 Cor 13:4-7") + "&lang=en");

        Assert.Equal([4, 5, 6, 7], body.GetProperty("verses").EnumerateArray().Select(v => v.GetProperty("verse").GetInt32()));
        Assert.Equal("1Cor", body.GetProperty("reference").GetProperty("bookOsisId").GetString());
        Assert.Equal(7, body.GetProperty("reference").GetProperty("verseEnd").GetInt32());
    }

    [Theory]
    [InlineData("John 33:1", "21 chapters")]
    [InlineData("Hezekiah 1:1", "No book")]
    [InlineData("hello world", "No book")]
    [InlineData("John 3:16 and then", "Unexpected")]
    public async Task Scripture_BadReference_Returns400WithWhy(string reference, string expected)
    {
        using var client = fixture.Client(fixture.AdminToken);
        using var response = await client.GetAsync("/api/scripture?ref=" + Uri.EscapeDataString(reference));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, ErrorCodes.InvalidScriptureReference);
        Assert.Contains(expected, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scripture_LanguageWithoutBible_Returns404SayingSo()
    {
        using var client = fixture.Client(fixture.AdminToken);
        using var response = await client.GetAsync("/api/scripture?ref=John+3:16&lang=fr");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, ErrorCodes.NoBibleForLanguage);
        Assert.Contains("'fr'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("John.3.16", problem.GetProperty("reference").GetProperty("osis").GetString());
    }

    [Theory]
    [InlineData("/api/scripture")]
    [InlineData("/api/scripture?ref=")]
    [InlineData("/api/scripture?ref=John+3:16&ref=John+3:17")]
    [InlineData("/api/scripture?ref=John+3:16&lang=e$")]
    [InlineData("/api/scripture?ref=John+3:16&lang=english-language-please")]
    public async Task Scripture_BadParameters_Returns400ValidationFailed(string path)
    {
        using var client = fixture.Client(fixture.AdminToken);
        using var response = await client.GetAsync(path);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
    }

    [Fact]
    public async Task Scripture_ReferenceTooLong_Returns400ValidationFailed()
    {
        using var client = fixture.Client(fixture.AdminToken);
        using var response = await client.GetAsync("/api/scripture?ref=John+3:16" + new string('1', 300));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
    }

    [Fact]
    public async Task Scripture_WithoutToken_Returns401()
    {
        using var client = fixture.Client();
        using var response = await client.GetAsync("/api/scripture?ref=John+3:16");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
    }

    private async Task<JsonElement> GetOkAsync(string path)
    {
        using var client = fixture.Client(fixture.AdminToken);
        using var response = await client.GetAsync(path);
        return await ProblemAssert.JsonAsync(response, HttpStatusCode.OK);
    }
}
