using System.Net;
using System.Text.Json;
using Babelcast.Server.Tests.WebSockets;

namespace Babelcast.Server.Tests.CoOperators;

/// <summary>The owner's co-operator routes on the real server: invite, list, revoke, and every refusal with its code.</summary>
[Collection(WebSocketServerCollection.Name)]
public sealed class CoOperatorRouteTests(WebSocketServerFixture fx)
{
    [Fact]
    public async Task Invite_ListAndSessionList_ShowTheCoOperatorAndTheRole_RevokeRemovesIt()
    {
        var id = await fx.CreateSessionAsync();
        var (name, token) = await CoOperatorAccounts.CreateAsync(fx.Server);
        using var owner = fx.OwnerClient();

        using var created = await owner.PutAsync($"/api/sessions/{id}/operators/{name}", null);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var again = await owner.PutAsync($"/api/sessions/{id}/operators/{name}", null);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode); // idempotent

        using var list = JsonDocument.Parse(await owner.GetStringAsync($"/api/sessions/{id}/operators"));
        var only = Assert.Single(list.RootElement.GetProperty("operators").EnumerateArray());
        Assert.Equal(name, only.GetProperty("username").GetString());
        Assert.True(only.TryGetProperty("invitedAt", out _));
        Assert.Equal(10, list.RootElement.GetProperty("maxPerSession").GetInt32());

        using var coOperator = CoOperatorAccounts.Client(fx.Server, token);
        using var shared = JsonDocument.Parse(await coOperator.GetStringAsync("/api/sessions"));
        var session = Assert.Single(shared.RootElement.GetProperty("sessions").EnumerateArray());
        Assert.Equal(id, session.GetProperty("sessionId").GetString());
        Assert.Equal("operator", session.GetProperty("role").GetString());
        Assert.DoesNotContain("admin", session.GetRawText(), StringComparison.Ordinal); // the owner stays private
        using var mine = JsonDocument.Parse(await owner.GetStringAsync("/api/sessions"));
        Assert.All(mine.RootElement.GetProperty("sessions").EnumerateArray(), s => Assert.Equal("owner", s.GetProperty("role").GetString()));

        using var revoked = await owner.DeleteAsync($"/api/sessions/{id}/operators/{name}");
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        using var after = JsonDocument.Parse(await coOperator.GetStringAsync("/api/sessions"));
        Assert.Empty(after.RootElement.GetProperty("sessions").EnumerateArray());
        await AssertProblemAsync(await owner.DeleteAsync($"/api/sessions/{id}/operators/{name}"), HttpStatusCode.NotFound, "OPERATOR_NOT_FOUND");
    }

    [Fact]
    public async Task Invite_Refusals_EachWithItsCode()
    {
        var id = await fx.CreateSessionAsync();
        using var owner = fx.OwnerClient();

        await AssertProblemAsync(await owner.PutAsync($"/api/sessions/{id}/operators/nobody-here", null), HttpStatusCode.NotFound, "USER_NOT_FOUND");
        await AssertProblemAsync(await owner.PutAsync($"/api/sessions/{id}/operators/admin", null), HttpStatusCode.BadRequest, "CANNOT_INVITE_SELF");
        await AssertProblemAsync(await owner.PutAsync($"/api/sessions/{id}/operators/Not%20Valid", null), HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        await AssertProblemAsync(await owner.GetAsync("/api/sessions/no-such-999/operators"), HttpStatusCode.NotFound, "SESSION_NOT_FOUND");

        // Another account may neither list nor invite nor revoke.
        using var other = CoOperatorAccounts.Client(fx.Server, fx.OtherToken);
        await AssertProblemAsync(await other.GetAsync($"/api/sessions/{id}/operators"), HttpStatusCode.Forbidden, "FORBIDDEN");
        await AssertProblemAsync(await other.PutAsync($"/api/sessions/{id}/operators/{WebSocketServerFixture.OtherSpeaker}", null), HttpStatusCode.Forbidden, "FORBIDDEN");
        using var anonymous = fx.Server.CreateClient();
        await AssertProblemAsync(await anonymous.GetAsync($"/api/sessions/{id}/operators"), HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task Invite_OverTheLimit_Refused_AndEndedSessionRefusesInvitations()
    {
        var id = await fx.CreateSessionAsync();
        using var owner = fx.OwnerClient();
        for (var i = 0; i < 10; i++)
        {
            using var ok = await owner.PutAsync($"/api/sessions/{id}/operators/{await CoOperatorAccounts.CreateUnusableAsync(fx.Server)}", null);
            Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        }

        await AssertProblemAsync(
            await owner.PutAsync($"/api/sessions/{id}/operators/{await CoOperatorAccounts.CreateUnusableAsync(fx.Server)}", null), HttpStatusCode.Conflict, "OPERATOR_LIMIT_REACHED");

        using var ended = await owner.DeleteAsync($"/api/sessions/{id}");
        await AssertProblemAsync(
            await owner.PutAsync($"/api/sessions/{id}/operators/{await CoOperatorAccounts.CreateUnusableAsync(fx.Server)}", null), HttpStatusCode.Conflict, "SESSION_ENDED");
    }

    [Fact]
    public async Task CoOperator_MayLoadPreparedTextAndReadTheTranscript_ButNotTheOwnersGlossariesOrStatus()
    {
        var id = await fx.CreateSessionAsync();
        var (name, token) = await CoOperatorAccounts.CreateAsync(fx.Server);
        using var owner = fx.OwnerClient();
        using var invited = await owner.PutAsync($"/api/sessions/{id}/operators/{name}", null);
        using var coOperator = CoOperatorAccounts.Client(fx.Server, token);

        using var script = await coOperator.PostAsync($"/api/sessions/{id}/script", new StringContent("Welcome.\nLet us pray.", System.Text.Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.Created, script.StatusCode);
        using var read = await coOperator.GetAsync($"/api/sessions/{id}/script");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using var transcript = await coOperator.GetAsync($"/api/sessions/{id}/transcript?format=txt");
        Assert.Equal(HttpStatusCode.OK, transcript.StatusCode);
        using var dropped = await coOperator.DeleteAsync($"/api/sessions/{id}/script");
        Assert.Equal(HttpStatusCode.NoContent, dropped.StatusCode);

        await AssertProblemAsync(await coOperator.GetAsync($"/api/sessions/{id}/glossaries"), HttpStatusCode.Forbidden, "FORBIDDEN");
        await AssertProblemAsync(await coOperator.PatchAsync($"/api/sessions/{id}", new StringContent("""{"status":"paused"}""", System.Text.Encoding.UTF8, "application/json")),
            HttpStatusCode.Forbidden, "FORBIDDEN");
        await AssertProblemAsync(await coOperator.DeleteAsync($"/api/sessions/{id}"), HttpStatusCode.Forbidden, "FORBIDDEN");

        // A stranger may not touch the prepared text.
        using var other = CoOperatorAccounts.Client(fx.Server, fx.OtherToken);
        await AssertProblemAsync(await other.GetAsync($"/api/sessions/{id}/script"), HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    internal static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(status == response.StatusCode, $"{response.StatusCode}: {body}");
            using var problem = JsonDocument.Parse(body);
            Assert.Equal(code, problem.RootElement.GetProperty("code").GetString());
        }
    }
}
