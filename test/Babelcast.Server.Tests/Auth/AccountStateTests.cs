using System.Net;
using System.Net.Http.Json;
using Babelcast.Core.Protocol;
using Babelcast.Core.Storage;
using Babelcast.Server.Auth;
using Babelcast.Server.Tests.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Babelcast.Server.Tests.Auth;

/// <summary>Who a token names (only its subject), and that tokens die with the account's state.</summary>
[Collection(HttpServerCollection.Name)]
public sealed class AccountStateTests(HttpServerFixture fixture)
{
    private static readonly DateTime Later = new(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static CancellationToken Ct => CancellationToken.None;

    private IUserStore Users => fixture.Server.Services.GetRequiredService<IUserStore>();

    [Fact]
    public async Task SuppliedUserIdClaim_IsIgnored_CannotTouchAnotherUsersSession()
    {
        await fixture.CreateSpeakerAsync("mallory");
        var adminSession = await fixture.Server.CreateSessionAsync(fixture.AdminToken);
        var forged = TestTokens.Create(
            TestTokens.ServerKey(fixture.Server.DataDirectory), SecurityAlgorithms.HmacSha256, "mallory", Later,
            claims: new Dictionary<string, object> { [AuthSchemes.UserIdClaim] = "admin" });
        using var client = fixture.Client(forged);

        using var delete = await client.DeleteAsync($"/api/sessions/{adminSession}");
        var listed = await client.GetStringAsync("/api/sessions");

        Assert.False(delete.IsSuccessStatusCode, delete.StatusCode.ToString());
        Assert.DoesNotContain(adminSession, listed, StringComparison.Ordinal);
        using var admin = fixture.Client(fixture.AdminToken);
        using var stillThere = await admin.GetAsync($"/api/sessions/{adminSession}");
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
        Assert.DoesNotContain("\"ended\"", await stillThere.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenForUserThatNeverExisted_Returns401()
    {
        var token = TestTokens.Create(TestTokens.ServerKey(fixture.Server.DataDirectory), SecurityAlgorithms.HmacSha256, "nobody-here", Later);
        await AssertRejectedAsync(token);
        Assert.Null(await fixture.Server.Services.GetRequiredService<ISpeakerAuthenticator>().AuthenticateAsync(token, Ct));
    }

    [Fact]
    public async Task DeletedUser_OldTokenRefusedAtOnce()
    {
        var token = await fixture.CreateSpeakerAsync("deleted-user");
        await AssertAcceptedAsync(token);

        Assert.True(await Users.DeleteAsync("deleted-user", Ct));

        await AssertRejectedAsync(token);
        Assert.Null(await fixture.Server.Services.GetRequiredService<ISpeakerAuthenticator>().AuthenticateAsync(token, Ct));
    }

    [Fact]
    public async Task DisabledUser_TokensRefusedAndCannotSignIn_EnableNeedsANewToken()
    {
        const string password = "disabled-password-1";
        var token = await fixture.CreateSpeakerAsync("disabled-user", password);
        await AssertAcceptedAsync(token);

        Assert.True(await Users.SetDisabledAsync("disabled-user", true, Ct));

        await AssertRejectedAsync(token);
        Assert.Null(await fixture.Server.Services.GetRequiredService<ISpeakerAuthenticator>().AuthenticateAsync(token, Ct));
        using var anonymous = fixture.Client();
        using var signIn = await anonymous.PostAsJsonAsync("/api/auth/token", new { username = "disabled-user", password });
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);

        Assert.True(await Users.SetDisabledAsync("disabled-user", false, Ct));

        await AssertRejectedAsync(token);
        await AssertAcceptedAsync(await fixture.Server.GetTokenAsync("disabled-user", password));
    }

    [Fact]
    public async Task PasswordReset_RevokesEarlierTokens()
    {
        var token = await fixture.CreateSpeakerAsync("reset-user");
        await AssertAcceptedAsync(token);

        Assert.True(await Users.UpdatePasswordAsync("reset-user", PasswordHasher.Hash("brand-new-password"), Ct));

        await AssertRejectedAsync(token);
        var fresh = await fixture.Server.GetTokenAsync("reset-user", "brand-new-password");
        await AssertAcceptedAsync(fresh);
        Assert.Equal("reset-user", await fixture.Server.Services.GetRequiredService<ISpeakerAuthenticator>().AuthenticateAsync(fresh, Ct));
    }

    private async Task AssertAcceptedAsync(string token)
    {
        using var client = fixture.Client(token);
        using var response = await client.GetAsync("/api/sessions");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task AssertRejectedAsync(string token)
    {
        using var client = fixture.Client(token);
        using var response = await client.GetAsync("/api/sessions");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(ErrorCodes.Unauthorized, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
