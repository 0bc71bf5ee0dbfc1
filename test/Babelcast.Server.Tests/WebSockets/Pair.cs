using Babelcast.Testing.Host;

namespace Babelcast.Server.Tests.WebSockets;

/// <summary>A fresh session with its speaker and one Spanish listener connected.</summary>
internal sealed class Pair : IAsyncDisposable
{
    private readonly List<ProtocolClient> _offenders = [];

    private Pair(string sessionId, ProtocolClient speaker, ProtocolClient listener)
    {
        SessionId = sessionId;
        Speaker = speaker;
        Listener = listener;
    }

    public string SessionId { get; }

    public ProtocolClient Speaker { get; }

    public ProtocolClient Listener { get; }

    public static async Task<Pair> StartAsync(WebSocketServerFixture fx)
    {
        var (id, speaker) = await fx.StartSessionAsync();
        var listener = await fx.ListenAsync(id, "es");
        await SocketAssert.StatusAsync(speaker, 0, ("es", 1));
        return new Pair(id, speaker, listener);
    }

    /// <summary>The client of <paramref name="endpoint"/> ("speak" or "listen"), remembered as the one that misbehaves.</summary>
    public ProtocolClient Get(string endpoint)
    {
        var client = endpoint == "speak" ? Speaker : Listener;
        _offenders.Add(client);
        return client;
    }

    /// <summary>Both connections still answer heartbeats; the one that did not misbehave never saw an error; nobody left.</summary>
    public async Task AssertBothServedAsync()
    {
        foreach (var client in new[] { Speaker, Listener })
        {
            await SocketAssert.RoundTripAsync(client);
            if (!_offenders.Contains(client))
            {
                Assert.DoesNotContain(client.Messages, m => m.Type is "error" or "sessionEnded");
            }
        }

        var lastStatus = Speaker.Messages.Last(m => m.Type == "sessionStatus");
        Assert.Equal(1, lastStatus.Json.GetProperty("listenerCount").GetInt32());
    }

    public async ValueTask DisposeAsync()
    {
        await Listener.DisposeAsync();
        await Speaker.DisposeAsync();
    }
}
