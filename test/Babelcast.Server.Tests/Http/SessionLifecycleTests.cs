using System.Net;
using System.Net.Http.Json;
using System.Text;
using Babelcast.Core.Protocol;

namespace Babelcast.Server.Tests.Http;

[Collection(HttpServerCollection.Name)]
public sealed class SessionLifecycleTests(HttpServerFixture fixture)
{
    [Fact]
    public async Task Patch_PauseThenResume_ReturnsUpdatedStatus()
    {
        var id = await fixture.Server.CreateSessionAsync(fixture.AdminToken);
        using var client = fixture.Client(fixture.AdminToken);

        using var paused = await client.PatchAsJsonAsync("/api/sessions/" + id, new { status = "paused" });
        Assert.Equal("paused", (await ProblemAssert.JsonAsync(paused, HttpStatusCode.OK)).GetProperty("status").GetString());
        using var get = await client.GetAsync("/api/sessions/" + id);
        Assert.Equal("paused", (await ProblemAssert.JsonAsync(get, HttpStatusCode.OK)).GetProperty("status").GetString());

        using var resumed = await client.PatchAsJsonAsync("/api/sessions/" + id, new { status = "active" });
        Assert.Equal("active", (await ProblemAssert.JsonAsync(resumed, HttpStatusCode.OK)).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("ended")]
    [InlineData("stopped")]
    [InlineData("")]
    public async Task Patch_InvalidStatus_Returns400InvalidStatus(string status)
    {
        var id = await fixture.Server.CreateSessionAsync(fixture.AdminToken);
        using var client = fixture.Client(fixture.AdminToken);
        using var response = await client.PatchAsJsonAsync("/api/sessions/" + id, new { status });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, ErrorCodes.InvalidStatus);
    }

    [Fact]
    public async Task Patch_InvalidQualityTier_Returns400InvalidQualityTier()
    {
        var id = await fixture.Server.CreateSessionAsync(fixture.AdminToken);
        using var client = fixture.Client(fixture.AdminToken);
        using var response = await client.PatchAsJsonAsync("/api/sessions/" + id, new { qualityTier = "diamond" });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, ErrorCodes.InvalidQualityTier);
    }

    [Fact]
    public async Task Patch_PremiumWithoutPremiumEngines_Returns409AndKeepsStandard()
    {
        var id = await fixture.Server.CreateSessionAsync(fixture.AdminToken);
        using var client = fixture.Client(fixture.AdminToken);
        using var response = await client.PatchAsJsonAsync("/api/sessions/" + id, new { qualityTier = "premium" });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, ErrorCodes.PremiumTierUnavailable);
        var session = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/sessions/" + id);
        Assert.Equal("standard", session.GetProperty("qualityTier").GetString());
    }

    [Fact]
    public async Task Patch_MalformedBody_Returns400ValidationFailed()
    {
        var id = await fixture.Server.CreateSessionAsync(fixture.AdminToken);
        using var client = fixture.Client(fixture.AdminToken);
        using var content = new StringContent("{\"status\":", Encoding.UTF8, "application/json");
        using var response = await client.PatchAsync("/api/sessions/" + id, content);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
    }

    [Fact]
    public async Task PatchAndDelete_NotOwner_Return403Forbidden()
    {
        var id = await fixture.Server.CreateSessionAsync(fixture.AdminToken);
        using var client = fixture.Client(await fixture.CreateSpeakerAsync("intruder"));

        using var patch = await client.PatchAsJsonAsync("/api/sessions/" + id, new { status = "paused" });
        await ProblemAssert.IsProblemAsync(patch, HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        using var delete = await client.DeleteAsync("/api/sessions/" + id);
        await ProblemAssert.IsProblemAsync(delete, HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        using var transcript = await client.GetAsync($"/api/sessions/{id}/transcript");
        await ProblemAssert.IsProblemAsync(transcript, HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
    }

    [Fact]
    public async Task PatchAndDelete_WithoutToken_Return401Unauthorized()
    {
        var id = await fixture.Server.CreateSessionAsync(fixture.AdminToken);
        using var client = fixture.Client();
        using var patch = await client.PatchAsJsonAsync("/api/sessions/" + id, new { status = "paused" });
        await ProblemAssert.IsProblemAsync(patch, HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
        using var delete = await client.DeleteAsync("/api/sessions/" + id);
        await ProblemAssert.IsProblemAsync(delete, HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
    }

    [Fact]
    public async Task PatchAndDelete_UnknownOrMalformedId_Return404Or400()
    {
        using var client = fixture.Client(fixture.AdminToken);
        using var patch = await client.PatchAsJsonAsync("/api/sessions/absent-session-999", new { status = "paused" });
        await ProblemAssert.IsProblemAsync(patch, HttpStatusCode.NotFound, ErrorCodes.SessionNotFound);
        using var delete = await client.DeleteAsync("/api/sessions/absent-session-999");
        await ProblemAssert.IsProblemAsync(delete, HttpStatusCode.NotFound, ErrorCodes.SessionNotFound);
        using var bad = await client.DeleteAsync("/api/sessions/NOT-valid");
        await ProblemAssert.IsProblemAsync(bad, HttpStatusCode.BadRequest, ErrorCodes.InvalidSessionId);
    }

    [Fact]
    public async Task Delete_Owner_Returns204AndSessionEndsForGood()
    {
        var id = await fixture.Server.CreateSessionAsync(fixture.AdminToken);
        using var client = fixture.Client(fixture.AdminToken);

        using var delete = await client.DeleteAsync("/api/sessions/" + id);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);

        using var get = await client.GetAsync("/api/sessions/" + id);
        var session = await ProblemAssert.JsonAsync(get, HttpStatusCode.OK);
        Assert.Equal("ended", session.GetProperty("status").GetString());
        Assert.True(session.TryGetProperty("endedAt", out _));

        using var patch = await client.PatchAsJsonAsync("/api/sessions/" + id, new { status = "active" });
        await ProblemAssert.IsProblemAsync(patch, HttpStatusCode.Conflict, ErrorCodes.SessionEnded);

        using var again = await client.DeleteAsync("/api/sessions/" + id);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
    }
}
