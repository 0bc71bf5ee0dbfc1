using System.Net.Http.Headers;
using System.Text.Json;
using Babelcast.Server.Venue;
using Babelcast.Testing.Host;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Babelcast.Server.Tests.Venue;

/// <summary>
/// A real server on 127.0.0.1 that believes it has two LAN addresses (192.0.2.10, 2001:db8::10) and the host name
/// <c>venue-laptop</c>; its venue and banner logs are collected.
/// </summary>
public sealed class VenueServerFixture : IAsyncLifetime
{
    public const string LanV4 = "192.0.2.10";
    public const string LanV6 = "2001:db8::10";
    public const string HostName = "venue-laptop";

    private BabelcastTestServer? _server;

    public BabelcastTestServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public FakeLogCollector Logs => Server.Services.GetFakeLogCollector();

    public string Token { get; private set; } = string.Empty;

    public string SessionId { get; private set; } = string.Empty;

    public int Port => Server.BaseUri.Port;

    public async Task InitializeAsync()
    {
        _server = await StartAsync(new Dictionary<string, string?> { ["Babelcast:PublicBaseUrl"] = string.Empty }, LanV4, LanV6);
        Token = await _server.GetTokenAsync();
        SessionId = await _server.CreateSessionAsync(Token);
    }

    /// <summary>Starts a server with these settings and LAN addresses (none: a machine with no network).</summary>
    public static Task<BabelcastTestServer> StartAsync(IDictionary<string, string?> settings, params string[] lan) =>
        BabelcastTestServer.StartAsync(settings, services =>
        {
            services.AddSingleton<ILanAddresses>(new FixedLanAddresses(lan));
            services.AddSingleton(new MachineHostName(HostName));
            services.AddLogging(b => b.AddFakeLogging()
                .AddFilter<FakeLoggerProvider>("Babelcast.Server.Venue", LogLevel.Information)
                .AddFilter<FakeLoggerProvider>("Babelcast.Server.Hosting.StartupBanner", LogLevel.Information));
        });

    /// <summary>GET with an explicit Host header (the connection still goes to 127.0.0.1).</summary>
    public static async Task<HttpResponseMessage> GetAsync(BabelcastTestServer server, string path, string? host = null, string? token = null)
    {
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (host is not null)
        {
            request.Headers.Host = host;
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request);
    }

    /// <summary>The session's joinUrl as the server builds it for a request with this Host header.</summary>
    public static async Task<string> JoinUrlAsync(BabelcastTestServer server, string sessionId, string? host = null)
    {
        using var response = await GetAsync(server, "/api/sessions/" + sessionId, host);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.GetProperty("joinUrl").GetString()!;
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
