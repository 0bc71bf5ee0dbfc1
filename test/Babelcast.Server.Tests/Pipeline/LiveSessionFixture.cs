using Babelcast.Testing.Host;

namespace Babelcast.Server.Tests.Pipeline;

/// <summary>One real server (real engines) shared by the pipeline tests of a class; each test makes its own session.</summary>
public sealed class LiveSessionFixture : IAsyncLifetime
{
    public BabelcastTestServer Server { get; private set; } = null!;

    public string Token { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        Server = await BabelcastTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Babelcast:RateLimits:WebSocketConnect:PermitLimit"] = "10000",
            ["Babelcast:RateLimits:Join:PermitLimit"] = "10000",
            ["Babelcast:RateLimits:SessionCreate:PermitLimit"] = "10000",
            ["Babelcast:RateLimits:Token:PermitLimit"] = "10000",
        });
        Token = await Server.GetTokenAsync();
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public async Task<(string SessionId, ProtocolClient Speaker)> StartSpeakerAsync()
    {
        var id = await Server.CreateSessionAsync(Token);
        var speaker = await ProtocolClient.ConnectAsync(Server.WebSocketUri($"/ws/speak?sessionId={id}&token={Token}"));
        await speaker.WaitForTypeAsync("connected", TimeSpan.FromSeconds(10));
        return (id, speaker);
    }

    public async Task<ProtocolClient> JoinAsync(string sessionId, string language)
    {
        var listener = await ProtocolClient.ConnectAsync(Server.WebSocketUri($"/ws/listen?sessionId={sessionId}&targetLanguage={language}"));
        await listener.WaitForTypeAsync("sessionJoined", TimeSpan.FromSeconds(10));
        return listener;
    }
}
