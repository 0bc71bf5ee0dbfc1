using System.Net;
using System.Net.Http.Json;
using System.Text;
using Babelcast.Core.Protocol;
using Babelcast.Testing.Host;

namespace Babelcast.Server.Tests.Http;

[Collection(HttpServerCollection.Name)]
public sealed class TokenEndpointTests(HttpServerFixture fixture)
{
    [Fact]
    public async Task PostToken_ValidCredentials_ReturnsBearerTokenWithLifetime()
    {
        using var client = fixture.Client();
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { username = "admin", password = BabelcastTestServer.AdminPassword });

        var body = await ProblemAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal("Bearer", body.GetProperty("tokenType").GetString());
        Assert.Equal(12 * 3600, body.GetProperty("expiresIn").GetInt32());
        Assert.Equal(3, body.GetProperty("accessToken").GetString()!.Split('.').Length);
    }

    [Fact]
    public async Task PostToken_WrongPassword_Returns401InvalidCredentials()
    {
        using var client = fixture.Client();
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { username = "admin", password = "wrong-password" });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, ErrorCodes.InvalidCredentials);
    }

    [Fact]
    public async Task PostToken_UnknownUser_Returns401InvalidCredentials()
    {
        using var client = fixture.Client();
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { username = "nobody-here", password = "whatever-1" });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, ErrorCodes.InvalidCredentials);
    }

    [Theory]
    [InlineData("{\"username\":\"admin\"}")]
    [InlineData("{\"password\":\"x\"}")]
    [InlineData("{}")]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("[1,2]")]
    [InlineData("{\"username\":5,\"password\":\"x\"}")]
    public async Task PostToken_MalformedOrIncompleteBody_Returns400ValidationFailed(string body)
    {
        using var client = fixture.Client();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/api/auth/token", content);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
    }

    [Fact]
    public async Task UnknownApiRoute_Returns404ProblemNotFound()
    {
        using var client = fixture.Client();
        using var response = await client.GetAsync("/api/does-not-exist");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, ErrorCodes.NotFound);
    }
}
