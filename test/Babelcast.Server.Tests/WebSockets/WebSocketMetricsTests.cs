using System.Globalization;
using System.Text.RegularExpressions;

namespace Babelcast.Server.Tests.WebSockets;

/// <summary>WebSocket errors, messages and listeners show up at <c>/metrics</c>.</summary>
[Collection(WebSocketServerCollection.Name)]
public sealed class WebSocketMetricsTests(WebSocketServerFixture fx)
{
    [Fact]
    public async Task Errors_EachCode_CountedInErrorsTotal()
    {
        var before = await fx.MetricsAsync();
        await using var pair = await Pair.StartAsync(fx);
        await pair.Speaker.SendTextAsync("{nope");
        await pair.Speaker.SendTextAsync("""{"type":"nope"}""");
        await pair.Speaker.SendTextAsync(InputLimitTests.PaddedHeartbeat(5000));
        await Waits.SendBinaryAsync(pair.Speaker, new byte[3]);
        await Waits.SendBinaryAsync(pair.Listener, new byte[2]);
        await pair.Listener.SendTextAsync("""{"type":"changeLanguage","targetLanguage":"zz"}""");
        await SocketAssert.RoundTripAsync(pair.Speaker);
        await SocketAssert.RoundTripAsync(pair.Listener);
        await RefuseAsync($"/ws/listen?sessionId=nosuch-session-000&targetLanguage=es");
        await RefuseAsync($"/ws/listen?sessionId={pair.SessionId}&targetLanguage=zz");
        await RefuseAsync($"/ws/listen?sessionId={pair.SessionId}");
        await RefuseAsync($"/ws/listen?targetLanguage=es");
        await RefuseAsync($"/ws/listen?sessionId=BAD&targetLanguage=es");
        await RefuseAsync($"/ws/speak?sessionId={pair.SessionId}");
        await RefuseAsync($"/ws/speak?sessionId={pair.SessionId}&token={fx.OtherToken}");

        var after = await fx.MetricsAsync();
        string[] codes =
        [
            "INVALID_MESSAGE", "UNKNOWN_MESSAGE_TYPE", "MESSAGE_TOO_LARGE", "INVALID_AUDIO_FRAME", "AUDIO_NOT_ALLOWED",
            "UNSUPPORTED_LANGUAGE", "SESSION_NOT_FOUND", "MISSING_TARGET_LANGUAGE", "MISSING_SESSION_ID", "INVALID_SESSION_ID",
            "UNAUTHORIZED", "FORBIDDEN",
        ];
        foreach (var code in codes)
        {
            Assert.True(ErrorCount(after, code) > ErrorCount(before, code), $"babelcast_errors_total{{code=\"{code}\"}} did not increase");
        }

        Assert.Equal(ErrorCount(before, "UNSUPPORTED_LANGUAGE") + 2, ErrorCount(after, "UNSUPPORTED_LANGUAGE"));
    }

    [Fact]
    public async Task Errors_ReplacedSpeaker_SpeakerReplacedAndNotConnectedCounted()
    {
        var before = await fx.MetricsAsync();
        var (id, first) = await fx.StartSessionAsync();
        await using var _ = first;
        await using var second = await fx.SpeakAsync(id);
        await first.WaitForAsync(m => m.Text("code") == "SPEAKER_REPLACED", Waits.Long);
        await first.SendJsonAsync(new { type = "heartbeat" });
        await first.WaitForAsync(m => m.Text("code") == "NOT_CONNECTED", Waits.Long);

        var after = await fx.MetricsAsync();
        Assert.True(ErrorCount(after, "NOT_CONNECTED") > ErrorCount(before, "NOT_CONNECTED"), "NOT_CONNECTED not counted");
        Assert.True(ErrorCount(after, "SPEAKER_REPLACED") > ErrorCount(before, "SPEAKER_REPLACED"),
            "SPEAKER_REPLACED was sent as an error message but babelcast_errors_total{code=\"SPEAKER_REPLACED\"} did not increase");
    }

    [Fact]
    public async Task Metrics_LiveListenersAndMessages_Exposed()
    {
        var before = await fx.MetricsAsync();
        await using var pair = await Pair.StartAsync(fx);
        await SocketAssert.RoundTripAsync(pair.Listener);
        await SocketAssert.RoundTripAsync(pair.Speaker);

        var after = await fx.MetricsAsync();
        Assert.True(Value(after, "babelcast_listeners{language=\"es\"}") >= 1, after);
        Assert.True(Value(after, "babelcast_ws_messages_in_total{endpoint=\"listen\"}") > Value(before, "babelcast_ws_messages_in_total{endpoint=\"listen\"}"));
        Assert.True(Value(after, "babelcast_ws_messages_in_total{endpoint=\"speak\"}") > Value(before, "babelcast_ws_messages_in_total{endpoint=\"speak\"}"));
        Assert.True(Value(after, "babelcast_ws_messages_out_total{endpoint=\"listen\"}") > Value(before, "babelcast_ws_messages_out_total{endpoint=\"listen\"}"));
        Assert.True(Value(after, "babelcast_ws_messages_out_total{endpoint=\"speak\"}") > Value(before, "babelcast_ws_messages_out_total{endpoint=\"speak\"}"));
    }

    private async Task RefuseAsync(string pathAndQuery)
    {
        await using var client = await fx.ConnectAsync(pathAndQuery);
        await client.WaitForTypeAsync("error", Waits.Long);
        await client.WaitForCloseAsync(Waits.Long);
    }

    private static double ErrorCount(string metrics, string code) => Value(metrics, $"babelcast_errors_total{{code=\"{code}\"}}");

    /// <summary>The sample's value, 0 when the series is absent (a counter that never moved).</summary>
    private static double Value(string metrics, string series)
    {
        var match = Regex.Match(metrics, "^" + Regex.Escape(series) + " ([0-9.eE+-]+)$", RegexOptions.Multiline);
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }
}
