using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Babelcast.Core.Storage;
using Babelcast.Server.Auth;
using Babelcast.Server.Tests.WebSockets;
using Babelcast.Testing.Host;
using Microsoft.Extensions.DependencyInjection;

namespace Babelcast.Server.Tests.Fuzz;

/// <summary>
/// One real server for the fuzz suite, with rate limits high enough for hundreds of cases, and a control session
/// (a connected speaker and listener) that every batch checks afterwards for collateral damage.
/// </summary>
public sealed class FuzzServerFixture : IAsyncLifetime
{
    public const string OtherSpeaker = "mallory";
    private const string OtherPassword = "mallory-password-1";

    private BabelcastTestServer? _server;
    private ProtocolClient? _controlSpeaker;
    private ProtocolClient? _controlListener;

    public BabelcastTestServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public string OwnerToken { get; private set; } = string.Empty;

    public string OtherToken { get; private set; } = string.Empty;

    /// <summary>A session of the owner that the cases aim at (never ended by a case that should be refused).</summary>
    public string TargetSessionId { get; private set; } = string.Empty;

    public string ControlSessionId { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        _server = await BabelcastTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Babelcast:RateLimits:Token:PermitLimit"] = "100000",
            ["Babelcast:RateLimits:SessionCreate:PermitLimit"] = "100000",
            ["Babelcast:RateLimits:WebSocketConnect:PermitLimit"] = "100000",
            ["Babelcast:RateLimits:Join:PermitLimit"] = "100000",
            // The suite signs in wrongly hundreds of times as one account: keep the per-account lockout out of the way.
            ["Babelcast:Auth:Lockout:MaxFailures"] = "1000",
            ["Babelcast:PublicBaseUrl"] = string.Empty,
        });
        OwnerToken = await _server.GetTokenAsync();
        var users = _server.Services.GetRequiredService<IUserStore>();
        await users.TryCreateAsync(new UserRecord(OtherSpeaker, PasswordHasher.Hash(OtherPassword), DateTimeOffset.UnixEpoch), CancellationToken.None);
        OtherToken = await _server.GetTokenAsync(OtherSpeaker, OtherPassword);
        TargetSessionId = await _server.CreateSessionAsync(OwnerToken);
        ControlSessionId = await _server.CreateSessionAsync(OwnerToken);
        _controlSpeaker = await Waits.ConnectAsync(_server.WebSocketUri($"/ws/speak?sessionId={ControlSessionId}&token={OwnerToken}"));
        await _controlSpeaker.WaitForTypeAsync("connected", Waits.Long);
        _controlListener = await Waits.ConnectAsync(_server.WebSocketUri($"/ws/listen?sessionId={ControlSessionId}&targetLanguage=es"));
        await _controlListener.WaitForTypeAsync("sessionJoined", Waits.Long);
    }

    public HttpClient Client(string? token = null)
    {
        var client = Server.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public Task<ProtocolClient> ConnectAsync(string pathAndQuery) => Waits.ConnectAsync(Server.WebSocketUri(pathAndQuery));

    /// <summary>
    /// The control session is still active, its speaker and listener still answer heartbeats, and the server is live.
    /// </summary>
    public async Task AssertControlAsync(string batch)
    {
        using var client = Client();
        using (var response = await client.GetAsync(new Uri($"/api/sessions/{ControlSessionId}", UriKind.Relative)))
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"after {batch}: control session answered {(int)response.StatusCode}: {body}");
            using var doc = JsonDocument.Parse(body);
            Assert.True(doc.RootElement.GetProperty("status").GetString() == "active", $"after {batch}: control session is not active: {body}");
            Assert.True(doc.RootElement.GetProperty("listenerCount").GetInt32() == 1, $"after {batch}: control listener count changed: {body}");
        }

        using (var live = await client.GetAsync(new Uri("/healthz/live", UriKind.Relative)))
        {
            Assert.True(live.StatusCode == HttpStatusCode.OK, $"after {batch}: /healthz/live answered {(int)live.StatusCode}");
        }

        foreach (var socket in new[] { _controlSpeaker!, _controlListener! })
        {
            var mark = SocketAssert.Mark(socket);
            await SocketAssert.RoundTripAsync(socket);
            Assert.DoesNotContain(socket.Messages.Skip(mark), m => m.Type is "error" or "sessionEnded");
        }
    }

    public async Task DisposeAsync()
    {
        if (_controlListener is not null)
        {
            await _controlListener.DisposeAsync();
        }

        if (_controlSpeaker is not null)
        {
            await _controlSpeaker.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(45));
        }
    }
}
