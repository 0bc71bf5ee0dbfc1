using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Babelcast.Core.Protocol;
using Babelcast.Server.Auth;
using Babelcast.Server.Tests.Http;
using Babelcast.Testing.Host;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Babelcast.Server.Tests.Auth;

public sealed class OidcTests
{
    private const string Audience = "babelcast-oidc-test";
    private static readonly DateTime Later = new(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Authority_TokenFromExternalIssuer_IsAcceptedBesideLocalTokens()
    {
        await using var issuer = await LocalOidcIssuer.StartAsync();
        await using var server = await BabelcastTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Babelcast:Auth:Oidc:Authority"] = issuer.Authority,
            ["Babelcast:Auth:Oidc:Audience"] = Audience,
            ["Babelcast:Auth:Oidc:RequireHttpsMetadata"] = "false",
        });
        var external = TestTokens.Create(issuer.SigningKey, SecurityAlgorithms.RsaSha256, "alice", Later, issuer.Authority, Audience);

        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", external);
        using var created = await client.PostAsJsonAsync("/api/sessions", new { sourceLanguage = "en" });
        var id = (await ProblemAssert.JsonAsync(created, HttpStatusCode.Created)).GetProperty("sessionId").GetString();
        using var mine = await client.GetAsync("/api/sessions");
        var sessions = (await ProblemAssert.JsonAsync(mine, HttpStatusCode.OK)).GetProperty("sessions");
        Assert.Equal(id, Assert.Single(sessions.EnumerateArray()).GetProperty("sessionId").GetString());

        var authenticator = server.Services.GetRequiredService<ISpeakerAuthenticator>();
        Assert.Equal("oidc:alice", await authenticator.AuthenticateAsync(external, CancellationToken.None));

        // Local tokens keep working next to the external issuer.
        var local = await server.GetTokenAsync();
        Assert.Equal("admin", await authenticator.AuthenticateAsync(local, CancellationToken.None));
        using var adminClient = server.CreateClient();
        adminClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", local);
        using var adminList = await adminClient.GetAsync("/api/sessions");
        Assert.Empty((await ProblemAssert.JsonAsync(adminList, HttpStatusCode.OK)).GetProperty("sessions").EnumerateArray());
    }

    [Fact]
    public async Task Authority_ForgedOrWrongAudienceToken_Returns401()
    {
        await using var issuer = await LocalOidcIssuer.StartAsync();
        await using var server = await BabelcastTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Babelcast:Auth:Oidc:MetadataAddress"] = issuer.Authority + "/.well-known/openid-configuration",
            ["Babelcast:Auth:Oidc:Audience"] = Audience,
            ["Babelcast:Auth:Oidc:RequireHttpsMetadata"] = "false",
        });
        using var otherRsa = RSA.Create(2048);
        var forged = TestTokens.Create(new RsaSecurityKey(otherRsa) { KeyId = "test-key-1" }, SecurityAlgorithms.RsaSha256, "mallory", Later, issuer.Authority, Audience);
        var wrongAudience = TestTokens.Create(issuer.SigningKey, SecurityAlgorithms.RsaSha256, "alice", Later, issuer.Authority, "someone-else");
        var expired = TestTokens.Create(issuer.SigningKey, SecurityAlgorithms.RsaSha256, "alice", new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), issuer.Authority, Audience);
        var authenticator = server.Services.GetRequiredService<ISpeakerAuthenticator>();

        foreach (var token in new[] { forged, wrongAudience, expired })
        {
            using var client = server.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await client.GetAsync("/api/sessions");
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
            Assert.Null(await authenticator.AuthenticateAsync(token, CancellationToken.None));
        }
    }

    [Fact]
    public async Task JwksUrl_TokenSignedByListedKey_IsAccepted()
    {
        await using var issuer = await LocalOidcIssuer.StartAsync();
        await using var server = await BabelcastTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Babelcast:Auth:Oidc:JwksUrl"] = issuer.JwksUrl,
            ["Babelcast:Auth:Oidc:Issuer"] = "https://issuer.example",
            ["Babelcast:Auth:Oidc:RequireHttpsMetadata"] = "false",
        });
        var token = TestTokens.Create(issuer.SigningKey, SecurityAlgorithms.RsaSha256, "bob", Later, "https://issuer.example", "any-audience");

        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.GetAsync("/api/sessions");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("oidc:bob", await server.Services.GetRequiredService<ISpeakerAuthenticator>().AuthenticateAsync(token, CancellationToken.None));
    }
}
