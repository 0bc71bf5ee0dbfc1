using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Babelcast.Testing;

namespace Babelcast.Server.Tests.Pipeline;

/// <summary><c>GET /metrics</c> on the real server, after a phrase went through the real engines.</summary>
[Collection("real-engines")]
public sealed class MetricsEndpointTests(LiveSessionFixture fixture) : IClassFixture<LiveSessionFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task Get_AfterAPhrase_ServesPrometheusTextWithStageHistogramGaugesAndCounters()
    {
        var (id, speaker) = await fixture.StartSpeakerAsync();
        await using var _ = speaker;
        await using var es = await fixture.JoinAsync(id, "es");
        var clip = Wav.Read16kMono(TestData.SpeechFile("goforward.wav")).Concat(new short[12000]).ToArray();
        await speaker.StreamAudioAsync(clip, realTime: false);
        await es.WaitForAsync(m => m.Type == "audioData", Wait);

        using var client = fixture.Server.CreateClient();
        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("version=0.0.4", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);

        Assert.Contains("# TYPE babelcast_stage_seconds histogram\n", text, StringComparison.Ordinal);
        Assert.True(Value(text, "babelcast_stage_seconds_count{stage=\"audioSent\"}") >= 1, text);
        Assert.True(Value(text, "babelcast_stage_seconds_sum{stage=\"audioSent\"}") > 0, text);
        foreach (var le in new[] { "0.005", "0.25", "1", "10", "+Inf" })
        {
            Assert.Contains($"babelcast_stage_seconds_bucket{{stage=\"translated\",le=\"{le}\"}} ", text, StringComparison.Ordinal);
        }

        // The fan-out of each message to the listeners of its language, by kind: the caption and the audio reached "es".
        Assert.Contains("# TYPE babelcast_fanout_seconds histogram\n", text, StringComparison.Ordinal);
        Assert.True(Value(text, "babelcast_fanout_seconds_count{kind=\"FinalCaption\"}") >= 1, text);
        Assert.True(Value(text, "babelcast_fanout_seconds_count{kind=\"Audio\"}") >= 1, text);
        Assert.True(Value(text, "babelcast_fanout_seconds_bucket{kind=\"Audio\",le=\"+Inf\"}") >= 1, text);
        Assert.True(Value(text, "babelcast_ws_messages_out_total{endpoint=\"listen\"}") >= 3, text);

        Assert.Contains("# TYPE babelcast_active_sessions gauge\n", text, StringComparison.Ordinal);
        Assert.True(Value(text, "babelcast_active_sessions") >= 1, text);
        Assert.True(Value(text, "babelcast_listeners{language=\"es\"}") >= 1, text);
        Assert.Contains("# TYPE babelcast_translations_total counter\n", text, StringComparison.Ordinal);
        Assert.True(Value(text, "babelcast_translations_total{language=\"es\"}") >= 1, text);
        Assert.True(Value(text, "babelcast_ws_messages_in_total{endpoint=\"speak\"}") >= 1, text);

        // Recognition ran through the work scheduler: chunks as streaming work, a session's first final pass ahead of the rest.
        Assert.Contains("# TYPE babelcast_scheduler_wait_seconds histogram\n", text, StringComparison.Ordinal);
        Assert.True(Value(text, "babelcast_scheduler_wait_seconds_count{work=\"streaming\"}") >= 10, text);
        Assert.True(Value(text, "babelcast_scheduler_wait_seconds_count{work=\"first_final\"}") >= 1, text);
        Assert.Contains("# TYPE babelcast_scheduler_queued gauge\n", text, StringComparison.Ordinal);
        Assert.True(Value(text, "babelcast_scheduler_queued{work=\"final\"}") >= 0, text);

        // Only Babelcast's own families: no other meter (ASP.NET Core's, another host's) leaks into the scrape.
        Assert.All(Regex.Matches(text, "^# TYPE (\\S+) ", RegexOptions.Multiline), m => Assert.StartsWith("babelcast_", m.Groups[1].Value, StringComparison.Ordinal));
    }

    /// <summary>The sample's value (a series without labels may be written with empty braces); NaN when absent.</summary>
    private static double Value(string metrics, string series)
    {
        var pattern = "^" + Regex.Escape(series) + (series.EndsWith('}') ? string.Empty : "(?:\\{\\})?") + " ([0-9.eE+-]+)$";
        var match = Regex.Match(metrics, pattern, RegexOptions.Multiline);
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;
    }
}
