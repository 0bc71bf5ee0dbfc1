using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Babelcast.Testing.Host;

namespace Babelcast.Server.Tests.Hosting;

/// <summary>
/// X-Forwarded-* is believed from a configured proxy and from nobody else: it moves neither the join link nor the
/// client IP the rate limits count, unless the request comes from a listed proxy (here the test client on 127.0.0.1).
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const string PublicHost = "babelcast.example";

    [Theory]
    [InlineData(null, null)]
    [InlineData("KnownProxies", "10.9.9.9")]
    [InlineData("KnownNetworks", "10.0.0.0/8")]
    public async Task NotFromAKnownProxy_ForwardedHeaders_ChangeNeitherJoinLinkNorRateLimitPartition(string? key, string? value)
    {
        var settings = new Dictionary<string, string?> { ["Babelcast:RateLimits:Token:PermitLimit"] = "2" };
        if (key is not null)
        {
            settings["Babelcast:ReverseProxy:" + key] = value;
        }

        await using var server = await BabelcastTestServer.StartAsync(settings);
        using var client = server.CreateClient();
        var token = await server.GetTokenAsync();
        var id = await server.CreateSessionAsync(token);

        using var view = await SendAsync(client, HttpMethod.Get, $"/api/sessions/{id}", forwardedHost: "evil.example", forwardedFor: "10.0.0.5");
        var joinUrl = (await view.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("joinUrl").GetString()!;
        Assert.DoesNotContain("evil.example", joinUrl, StringComparison.Ordinal);
        Assert.StartsWith("http://", joinUrl, StringComparison.Ordinal);

        // Every request counts against 127.0.0.1 whatever X-Forwarded-For claims: the third of the window is refused.
        using var second = await SignInAsync(client, "wrong-password-1", forwardedFor: "10.0.0.2");
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        using var third = await SignInAsync(client, "wrong-password-1", forwardedFor: "10.0.0.3");
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
    }

    [Theory]
    [InlineData("KnownProxies", "127.0.0.1")]
    [InlineData("KnownNetworks", "127.0.0.0/8")]
    public async Task FromAKnownProxy_ForwardedHeaders_SetJoinLinkAndRateLimitPartition(string key, string value)
    {
        await using var server = await BabelcastTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Babelcast:ReverseProxy:" + key] = value,
            ["AllowedHosts"] = PublicHost,
            ["Babelcast:RateLimits:Token:PermitLimit"] = "2",
        });
        using var client = server.CreateClient();

        // Host filtering sees the forwarded host: the request's own Host (127.0.0.1:port) is not an allowed one.
        using var signedIn = await SignInAsync(client, BabelcastTestServer.AdminPassword, forwardedFor: "10.0.0.1");
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var token = (await signedIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;

        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/sessions") { Content = JsonContent.Create(new { sourceLanguage = "en" }) };
        create.Headers.Authorization = new("Bearer", token);
        AddForwarded(create, PublicHost, "10.0.0.1");
        using var created = await client.SendAsync(create);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var session = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"https://{PublicHost}/join/{session.GetProperty("sessionId").GetString()}", session.GetProperty("joinUrl").GetString());

        // The rate limits count the forwarded client: 10.0.0.1 is at its limit, 10.0.0.2 is not.
        using var second = await SignInAsync(client, "wrong-password-1", forwardedFor: "10.0.0.1");
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        using var third = await SignInAsync(client, "wrong-password-1", forwardedFor: "10.0.0.1");
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        using var other = await SignInAsync(client, "wrong-password-1", forwardedFor: "10.0.0.2");
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);

        // A forwarded host outside AllowedHosts is not applied, and the request's own Host is refused.
        using var foreign = await SendAsync(client, HttpMethod.Get, "/healthz/live", forwardedHost: "evil.example", forwardedFor: "10.0.0.3");
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        using var direct = await client.GetAsync("/healthz/live");
        Assert.Equal(HttpStatusCode.BadRequest, direct.StatusCode);
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string password, string forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/token")
        {
            Content = JsonContent.Create(new { username = "admin", password }),
        };
        AddForwarded(request, PublicHost, forwardedFor);
        return SendAndDisposeRequestAsync(client, request);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string forwardedHost, string forwardedFor)
    {
        var request = new HttpRequestMessage(method, path);
        AddForwarded(request, forwardedHost, forwardedFor);
        return SendAndDisposeRequestAsync(client, request);
    }

    private static async Task<HttpResponseMessage> SendAndDisposeRequestAsync(HttpClient client, HttpRequestMessage request)
    {
        using (request)
        {
            return await client.SendAsync(request);
        }
    }

    private static void AddForwarded(HttpRequestMessage request, string host, string forwardedFor)
    {
        request.Headers.Add("X-Forwarded-Host", host);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
    }
}
