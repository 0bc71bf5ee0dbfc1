using Babelcast.Testing.Host;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Babelcast.Server.Tests.WebSockets;

/// <summary>Connects and joins per IP, each with its own low limit and its own server (the counters are per process).</summary>
public sealed class WebSocketRateLimitTests
{
    [Fact]
    public async Task Join_OverJoinLimit_RateLimitExceededWithRetryAfterThenAdmittedAfterIt()
    {
        // Tokens are checked against the real clock, so the fake one starts at the real time.
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var own = await OwnServer.StartAsync(
            new Dictionary<string, string?>
            {
                ["Babelcast:RateLimits:WebSocketConnect:PermitLimit"] = "1000",
                ["Babelcast:RateLimits:Join:PermitLimit"] = "2",
                ["Babelcast:RateLimits:Join:Window"] = "00:00:30",
            },
            services => services.AddSingleton<TimeProvider>(clock));
        var server = own.Server;
        var token = await server.GetTokenAsync();
        var id = await server.CreateSessionAsync(token);
        var uri = server.WebSocketUri($"/ws/listen?sessionId={id}&targetLanguage=es");

        await using var first = await Waits.ConnectAsync(uri);
        await using var second = await Waits.ConnectAsync(uri);
        await using var third = await Waits.ConnectAsync(uri);
        await first.WaitForTypeAsync("sessionJoined", Waits.Long);
        await second.WaitForTypeAsync("sessionJoined", Waits.Long);
        var error = await SocketAssert.RefusedAsync(third, "RATE_LIMIT_EXCEEDED", SocketAssert.TryAgainLater);
        var retryAfter = TimeSpan.FromSeconds(error.Json.GetProperty("retryAfter").GetInt32());
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

        // The join limit is for listeners: the speaker still connects, and the admitted listeners are unaffected.
        await using var speaker = await Waits.ConnectAsync(server.WebSocketUri($"/ws/speak?sessionId={id}&token={token}"));
        await speaker.WaitForTypeAsync("connected", Waits.Long);
        await SocketAssert.AliveWithoutErrorsAsync(first, 0);

        // retryAfter is rounded up to whole seconds: one second less is still inside the window.
        clock.Advance(retryAfter - TimeSpan.FromSeconds(1));
        await using var early = await Waits.ConnectAsync(uri);
        await SocketAssert.RefusedAsync(early, "RATE_LIMIT_EXCEEDED", SocketAssert.TryAgainLater);

        // retryAfter tells the truth: waiting that long is enough.
        clock.Advance(TimeSpan.FromSeconds(1));
        await using var later = await Waits.ConnectAsync(uri);
        var admitted = await later.WaitForAsync(m => m.Type is "sessionJoined" or "error", Waits.Long);
        Assert.True(admitted.Type == "sessionJoined", admitted.Json.GetRawText());
        Assert.Contains("babelcast_errors_total{code=\"RATE_LIMIT_EXCEEDED\"} 2", await MetricsAsync(server), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_OverConnectLimit_SpeakerAndListenerRefusedWithRetryAfter()
    {
        await using var own = await OwnServer.StartAsync(new Dictionary<string, string?>
        {
            ["Babelcast:RateLimits:WebSocketConnect:PermitLimit"] = "2",
            ["Babelcast:RateLimits:WebSocketConnect:Window"] = "00:01:00",
            ["Babelcast:RateLimits:Join:PermitLimit"] = "1000",
        });
        var server = own.Server;
        var token = await server.GetTokenAsync();
        var id = await server.CreateSessionAsync(token);
        var speakUri = server.WebSocketUri($"/ws/speak?sessionId={id}&token={token}");
        var listenUri = server.WebSocketUri($"/ws/listen?sessionId={id}&targetLanguage=es");

        await using var speaker = await Waits.ConnectAsync(speakUri);
        await speaker.WaitForTypeAsync("connected", Waits.Long);
        await using var listener = await Waits.ConnectAsync(listenUri);
        await listener.WaitForTypeAsync("sessionJoined", Waits.Long);

        await using var secondSpeaker = await Waits.ConnectAsync(speakUri);
        var speakError = await SocketAssert.RefusedAsync(secondSpeaker, "RATE_LIMIT_EXCEEDED", SocketAssert.TryAgainLater);
        Assert.InRange(speakError.Json.GetProperty("retryAfter").GetInt32(), 1, 60);
        await using var secondListener = await Waits.ConnectAsync(listenUri);
        var listenError = await SocketAssert.RefusedAsync(secondListener, "RATE_LIMIT_EXCEEDED", SocketAssert.TryAgainLater);
        Assert.InRange(listenError.Json.GetProperty("retryAfter").GetInt32(), 1, 60);

        // The refused connects did not take over or disturb the admitted ones.
        await SocketAssert.AliveWithoutErrorsAsync(speaker, 0);
        await SocketAssert.AliveWithoutErrorsAsync(listener, 0);
        Assert.Contains("babelcast_errors_total{code=\"RATE_LIMIT_EXCEEDED\"} 2", await MetricsAsync(server), StringComparison.Ordinal);
    }

    private static async Task<string> MetricsAsync(BabelcastTestServer server)
    {
        using var client = server.CreateClient();
        return await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
    }
}
