using System.Net;
using System.Security.Cryptography;
using Babelcast.Core.Protocol;
using Babelcast.Server.Auth;
using Babelcast.Server.Tests.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Babelcast.Server.Tests.Auth;

[Collection(HttpServerCollection.Name)]
public sealed class TokenValidationTests(HttpServerFixture fixture)
{
    private static readonly DateTime Later = new(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task ListSessions_HandMadeTokenWithServerKey_Returns200()
    {
        var token = TestTokens.Create(TestTokens.ServerKey(fixture.Server.DataDirectory), SecurityAlgorithms.HmacSha256, "admin", Later);
        using var client = fixture.Client(token);
        using var response = await client.GetAsync("/api/sessions");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ListSessions_ExpiredToken_Returns401()
    {
        var expired = DateTime.SpecifyKind(new DateTime(2020, 1, 1), DateTimeKind.Utc);
        var token = TestTokens.Create(TestTokens.ServerKey(fixture.Server.DataDirectory), SecurityAlgorithms.HmacSha256, "admin", expired);
        await AssertRejectedAsync(token);
    }

    [Fact]
    public async Task ListSessions_WrongSignature_Returns401()
    {
        var token = TestTokens.Create(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(64)), SecurityAlgorithms.HmacSha256, "admin", Later);
        await AssertRejectedAsync(token);
    }

    [Fact]
    public async Task ListSessions_TamperedPayload_Returns401()
    {
        var parts = fixture.AdminToken.Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace("\"admin\"", "\"other\"", StringComparison.Ordinal);
        await AssertRejectedAsync($"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}");
    }

    [Theory]
    [InlineData("babelcast", "someone-else")]
    [InlineData("evil-issuer", "babelcast")]
    public async Task ListSessions_WrongIssuerOrAudience_Returns401(string issuer, string audience)
    {
        var token = TestTokens.Create(TestTokens.ServerKey(fixture.Server.DataDirectory), SecurityAlgorithms.HmacSha256, "admin", Later, issuer, audience);
        await AssertRejectedAsync(token);
    }

    [Fact]
    public async Task ListSessions_GarbageToken_Returns401()
    {
        await AssertRejectedAsync("garbage.token.value");
    }

    [Fact]
    public async Task SpeakerAuthenticator_ValidAndInvalidTokens_ReturnsUserOrNullWithoutThrowing()
    {
        var authenticator = fixture.Server.Services.GetRequiredService<ISpeakerAuthenticator>();
        var ct = CancellationToken.None;
        var expired = TestTokens.Create(TestTokens.ServerKey(fixture.Server.DataDirectory), SecurityAlgorithms.HmacSha256, "admin", new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        Assert.Equal("admin", await authenticator.AuthenticateAsync(fixture.AdminToken, ct));
        Assert.Null(await authenticator.AuthenticateAsync((string?)null, ct));
        Assert.Null(await authenticator.AuthenticateAsync("", ct));
        Assert.Null(await authenticator.AuthenticateAsync("x", ct));
        Assert.Null(await authenticator.AuthenticateAsync("a.b.c", ct));
        Assert.Null(await authenticator.AuthenticateAsync(new string('e', 100_000), ct));
        Assert.Null(await authenticator.AuthenticateAsync(expired, ct));
    }

    [Fact]
    public async Task SpeakerAuthenticator_HttpContext_ReadsHeaderOrQuery()
    {
        var authenticator = fixture.Server.Services.GetRequiredService<ISpeakerAuthenticator>();
        var fromQuery = new DefaultHttpContext();
        fromQuery.Request.Path = "/ws/speak";
        fromQuery.Request.QueryString = new QueryString("?sessionId=a-b-123&token=" + fixture.AdminToken);
        var fromAccessToken = new DefaultHttpContext();
        fromAccessToken.Request.QueryString = new QueryString("?access_token=" + fixture.AdminToken);
        var fromHeader = new DefaultHttpContext();
        fromHeader.Request.Headers.Authorization = "Bearer " + fixture.AdminToken;

        Assert.Equal("admin", await authenticator.AuthenticateAsync(fromQuery, CancellationToken.None));
        Assert.Equal("admin", await authenticator.AuthenticateAsync(fromAccessToken, CancellationToken.None));
        Assert.Equal("admin", await authenticator.AuthenticateAsync(fromHeader, CancellationToken.None));
        Assert.Null(await authenticator.AuthenticateAsync(new DefaultHttpContext(), CancellationToken.None));
    }

    [Fact]
    public void BearerTokens_QueryToken_OnlyReadOnWebSocketPaths()
    {
        var context = new DefaultHttpContext();
        context.Request.Path = "/api/sessions";
        context.Request.QueryString = new QueryString("?token=abc");
        Assert.Null(BearerTokens.Read(context.Request, BearerTokens.IsWebSocketPath(context.Request)));
        context.Request.Path = "/ws/speak";
        Assert.Equal("abc", BearerTokens.Read(context.Request, BearerTokens.IsWebSocketPath(context.Request)));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void SigningKeyFile_Generated_Is64BytesWithMode600()
    {
        var path = Path.Combine(fixture.Server.DataDirectory, "keys", "jwt-signing.key");
        Assert.Equal(64, Convert.FromBase64String(File.ReadAllText(path)).Length);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    private async Task AssertRejectedAsync(string token)
    {
        using var client = fixture.Client(token);
        using var response = await client.GetAsync("/api/sessions");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
        Assert.Null(await fixture.Server.Services.GetRequiredService<ISpeakerAuthenticator>().AuthenticateAsync(token, CancellationToken.None));
    }
}
