using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Babelcast.Core.Protocol;
using Babelcast.Server.Venue;
using Microsoft.Extensions.DependencyInjection;

namespace Babelcast.Server.Tests.Http;

[Collection(HttpServerCollection.Name)]
public sealed partial class SessionEndpointTests(HttpServerFixture fixture)
{
    [Fact]
    public async Task Create_ValidRequest_Returns201SessionWithLocation()
    {
        using var client = fixture.Client(fixture.AdminToken);
        using var response = await client.PostAsJsonAsync("/api/sessions", new { sourceLanguage = "en" });

        var session = await ProblemAssert.JsonAsync(response, HttpStatusCode.Created);
        var id = session.GetProperty("sessionId").GetString()!;
        Assert.Matches(IdPattern(), id);
        Assert.Equal("/api/sessions/" + id, response.Headers.Location?.OriginalString);
        Assert.Equal("active", session.GetProperty("status").GetString());
        Assert.Equal("en", session.GetProperty("sourceLanguage").GetString());
        Assert.Equal("standard", session.GetProperty("qualityTier").GetString());
        Assert.Equal(0, session.GetProperty("listenerCount").GetInt32());
        Assert.Equal(JsonValueKind.Object, session.GetProperty("languageDistribution").ValueKind);
        Assert.False(session.GetProperty("muted").GetBoolean());
        Assert.Contains("es", session.GetProperty("targetLanguages").EnumerateArray().Select(e => e.GetString()));
        // From 127.0.0.1 the link uses the machine's first LAN address (loopback only on a machine without one).
        var lan = fixture.Server.Services.GetRequiredService<ILanAddresses>().Current();
        var origin = lan.Count == 0 ? fixture.Server.BaseUri.ToString().TrimEnd('/') : $"http://{JoinHosts.Format(lan[0])}:{fixture.Server.BaseUri.Port}";
        Assert.Equal(origin + "/join/" + id, session.GetProperty("joinUrl").GetString());
        var created = session.GetProperty("createdAt").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromHours(12), session.GetProperty("expiresAt").GetDateTimeOffset() - created);
        Assert.EndsWith("Z", session.GetProperty("createdAt").GetString(), StringComparison.Ordinal);
        Assert.False(session.TryGetProperty("endedAt", out _));
    }

    [Fact]
    public async Task Create_PremiumTierWithoutPremiumEngines_Returns409PremiumTierUnavailable()
    {
        // The default server has no premium engine: a premium session is refused, not served by the standard engines.
        using var client = fixture.Client(fixture.AdminToken);
        using var response = await client.PostAsJsonAsync("/api/sessions", new { sourceLanguage = "EN", qualityTier = "premium" });
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, ErrorCodes.PremiumTierUnavailable);
        Assert.Equal(["standard"], problem.GetProperty("supportedQualityTiers").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Create_UnsupportedLanguage_Returns400WithSupportedLanguages()
    {
        using var client = fixture.Client(fixture.AdminToken);
        using var response = await client.PostAsJsonAsync("/api/sessions", new { sourceLanguage = "xx" });
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, ErrorCodes.UnsupportedLanguage);
        Assert.Contains("en", problem.GetProperty("supportedLanguages").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Create_UnknownQualityTier_Returns400InvalidQualityTier()
    {
        using var client = fixture.Client(fixture.AdminToken);
        using var response = await client.PostAsJsonAsync("/api/sessions", new { sourceLanguage = "en", qualityTier = "gold" });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, ErrorCodes.InvalidQualityTier);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"sourceLanguage\":\"\"}")]
    [InlineData("{\"sourceLanguage\":")]
    [InlineData("null")]
    public async Task Create_MissingOrMalformedBody_Returns400ValidationFailed(string body)
    {
        using var client = fixture.Client(fixture.AdminToken);
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/api/sessions", content);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-jwt")]
    public async Task Create_WithoutValidToken_Returns401Unauthorized(string? token)
    {
        using var client = fixture.Client(token);
        using var response = await client.PostAsJsonAsync("/api/sessions", new { sourceLanguage = "en" });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
    }

    [Fact]
    public async Task Get_Anonymous_ReturnsSessionWithoutOwner()
    {
        var id = await fixture.Server.CreateSessionAsync(fixture.AdminToken);
        using var client = fixture.Client();
        using var response = await client.GetAsync("/api/sessions/" + id);

        var session = await ProblemAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal(id, session.GetProperty("sessionId").GetString());
        var raw = session.GetRawText();
        Assert.DoesNotContain("admin", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("owner", raw, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Bad-Id-123")]
    [InlineData("brave-otter-12")]
    [InlineData("brave_otter_123")]
    public async Task Get_MalformedId_Returns400InvalidSessionId(string id)
    {
        using var client = fixture.Client();
        using var response = await client.GetAsync("/api/sessions/" + id);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, ErrorCodes.InvalidSessionId);
    }

    [Fact]
    public async Task Get_UnknownId_Returns404SessionNotFound()
    {
        using var client = fixture.Client();
        using var response = await client.GetAsync("/api/sessions/absent-session-999");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, ErrorCodes.SessionNotFound);
    }

    [Fact]
    public async Task List_TwoSpeakers_ReturnsOnlyCallersSessionsNewestFirst()
    {
        var token = await fixture.CreateSpeakerAsync("lister-one");
        var first = await fixture.Server.CreateSessionAsync(token);
        await Task.Delay(20);
        var second = await fixture.Server.CreateSessionAsync(token);
        var other = await fixture.Server.CreateSessionAsync(fixture.AdminToken);

        using var client = fixture.Client(token);
        using var response = await client.GetAsync("/api/sessions");
        var body = await ProblemAssert.JsonAsync(response, HttpStatusCode.OK);
        var ids = body.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("sessionId").GetString()).ToList();
        Assert.Equal(new[] { second, first }, ids);
        Assert.DoesNotContain(other, ids);
    }

    [Fact]
    public async Task List_WithoutToken_Returns401Unauthorized()
    {
        using var client = fixture.Client();
        using var response = await client.GetAsync("/api/sessions");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
    }

    [GeneratedRegex("^[a-z]+-[a-z]+-[0-9]{3}$")]
    private static partial Regex IdPattern();
}
