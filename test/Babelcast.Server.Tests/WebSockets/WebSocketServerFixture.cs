using System.Net.Http.Headers;
using Babelcast.Core.Storage;
using Babelcast.Server.Auth;
using Babelcast.Testing.Host;
using Microsoft.Extensions.DependencyInjection;

namespace Babelcast.Server.Tests.WebSockets;

/// <summary>
/// One real server shared by the WebSocket tests: rate limits too high to interfere, a listener cap of
/// <see cref="ListenerCap"/> (so that "session full" is cheap to reach) and a small ingest queue (so that overload is).
/// Each test makes its own sessions, so tests never see each other's traffic.
/// </summary>
public sealed class WebSocketServerFixture : IAsyncLifetime
{
    public const int ListenerCap = 5;
    public const int IngestQueueCapacity = 8;
    public const string OtherSpeaker = "bob";
    public const string OtherSpeakerPassword = "bob-password-1";

    private BabelcastTestServer? _server;

    public BabelcastTestServer Server => _server ?? throw new InvalidOperationException("Not started.");

    /// <summary>The admin's token: the owner of every session the helpers create.</summary>
    public string OwnerToken { get; private set; } = string.Empty;

    /// <summary>A second speaker who owns none of the helpers' sessions.</summary>
    public string OtherToken { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        _server = await BabelcastTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Babelcast:RateLimits:WebSocketConnect:PermitLimit"] = "100000",
            ["Babelcast:RateLimits:Join:PermitLimit"] = "100000",
            ["Babelcast:RateLimits:SessionCreate:PermitLimit"] = "100000",
            ["Babelcast:RateLimits:Token:PermitLimit"] = "100000",
            ["Babelcast:Sessions:MaxListenersPerSession"] = ListenerCap.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Babelcast:Ingest:QueueCapacity"] = IngestQueueCapacity.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        OwnerToken = await _server.GetTokenAsync();
        var users = _server.Services.GetRequiredService<IUserStore>();
        await users.TryCreateAsync(new UserRecord(OtherSpeaker, PasswordHasher.Hash(OtherSpeakerPassword), DateTimeOffset.UnixEpoch), CancellationToken.None);
        OtherToken = await _server.GetTokenAsync(OtherSpeaker, OtherSpeakerPassword);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            // A shutdown that hangs is a server bug to report, not a reason to stall the whole test run.
            await _server.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(45));
        }
    }

    public Task<string> CreateSessionAsync() => Server.CreateSessionAsync(OwnerToken);

    /// <summary>Connects without waiting for anything (for refusals and races).</summary>
    public Task<ProtocolClient> ConnectAsync(string pathAndQuery) => Waits.ConnectAsync(Server.WebSocketUri(pathAndQuery));

    /// <summary>The owner's speaker connection, after <c>connected</c>.</summary>
    public async Task<ProtocolClient> SpeakAsync(string sessionId)
    {
        var speaker = await ConnectAsync($"/ws/speak?sessionId={sessionId}&token={OwnerToken}");
        await speaker.WaitForTypeAsync("connected", Waits.Long);
        return speaker;
    }

    /// <summary>A new session with its owner connected as speaker.</summary>
    public async Task<(string SessionId, ProtocolClient Speaker)> StartSessionAsync()
    {
        var id = await CreateSessionAsync();
        return (id, await SpeakAsync(id));
    }

    /// <summary>A listener connection, after <c>sessionJoined</c>.</summary>
    public async Task<ProtocolClient> ListenAsync(string sessionId, string language = "es")
    {
        var listener = await ConnectAsync($"/ws/listen?sessionId={sessionId}&targetLanguage={language}");
        await listener.WaitForTypeAsync("sessionJoined", Waits.Long);
        return listener;
    }

    /// <summary>
    /// A listener past its join phase: a heartbeat round trip proves the server has released the listener's late-join
    /// replay hold (events queued during the hold are delivered after it; see the *_RightAfterAListenerJoined_* tests).
    /// </summary>
    public async Task<ProtocolClient> ListenSettledAsync(string sessionId, string language = "es")
    {
        var listener = await ListenAsync(sessionId, language);
        await SocketAssert.RoundTripAsync(listener);
        return listener;
    }

    public HttpClient OwnerClient()
    {
        var client = Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OwnerToken);
        return client;
    }

    public async Task<string> MetricsAsync()
    {
        using var client = Server.CreateClient();
        return await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
    }
}
