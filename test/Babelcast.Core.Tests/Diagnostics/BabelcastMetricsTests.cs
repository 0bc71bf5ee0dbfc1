using System.Text;
using Babelcast.Core.Diagnostics;

namespace Babelcast.Core.Tests.Diagnostics;

public sealed class BabelcastMetricsTests
{
    private readonly BabelcastMetrics _metrics = new();

    [Fact]
    public void WriteTo_Counters_WritesTotalsWithHelpAndTypeSortedByLabel()
    {
        _metrics.Increment("babelcast_errors", "Errors by code", "code", "SESSION_FULL");
        _metrics.Increment("babelcast_errors", "Errors by code", "code", "AUTH", by: 2);
        _metrics.Increment("babelcast_errors", "Errors by code", "code", "SESSION_FULL");
        _metrics.Increment("babelcast_phrases", "Final phrases recognised");

        Assert.Equal(
            """
            # HELP babelcast_errors_total Errors by code
            # TYPE babelcast_errors_total counter
            babelcast_errors_total{code="AUTH"} 2
            babelcast_errors_total{code="SESSION_FULL"} 2
            # HELP babelcast_phrases_total Final phrases recognised
            # TYPE babelcast_phrases_total counter
            babelcast_phrases_total 1

            """.ReplaceLineEndings("\n"),
            Render());
        Assert.Equal(2, _metrics.CounterValue("babelcast_errors", "AUTH"));
        Assert.Equal(1, _metrics.CounterValue("babelcast_phrases"));
        Assert.Equal(0, _metrics.CounterValue("babelcast_unknown"));
    }

    [Fact]
    public void WriteTo_Gauges_ReadsValuesAtScrapeTime()
    {
        var listeners = new List<(string, double)> { ("es", 3) };
        _metrics.Gauge("babelcast_listeners", "Connected listeners by language", "language", () => listeners);
        _metrics.Gauge("babelcast_active_sessions", "Active sessions", string.Empty, () => [(string.Empty, 2)]);
        listeners.Add(("fr", 0.5));

        Assert.Equal(
            """
            # HELP babelcast_active_sessions Active sessions
            # TYPE babelcast_active_sessions gauge
            babelcast_active_sessions 2
            # HELP babelcast_listeners Connected listeners by language
            # TYPE babelcast_listeners gauge
            babelcast_listeners{language="es"} 3
            babelcast_listeners{language="fr"} 0.5

            """.ReplaceLineEndings("\n"),
            Render());
    }

    [Fact]
    public void WriteTo_Histogram_WritesCumulativeBucketsInfSumAndCount()
    {
        foreach (var seconds in new[] { 0.003, 0.01, 0.02, 0.02, 4, 20 })
        {
            _metrics.Observe("babelcast_stage_seconds", "Stage latency", "stage", "encoded", seconds);
        }

        var lines = Render().Split('\n');

        Assert.Equal("# TYPE babelcast_stage_seconds histogram", lines[1]);
        string[] expected =
        [
            "babelcast_stage_seconds_bucket{stage=\"encoded\",le=\"0.005\"} 1",
            "babelcast_stage_seconds_bucket{stage=\"encoded\",le=\"0.01\"} 2",
            "babelcast_stage_seconds_bucket{stage=\"encoded\",le=\"0.025\"} 4",
            "babelcast_stage_seconds_bucket{stage=\"encoded\",le=\"0.05\"} 4",
            "babelcast_stage_seconds_bucket{stage=\"encoded\",le=\"3\"} 4",
            "babelcast_stage_seconds_bucket{stage=\"encoded\",le=\"5\"} 5",
            "babelcast_stage_seconds_bucket{stage=\"encoded\",le=\"10\"} 5",
            "babelcast_stage_seconds_bucket{stage=\"encoded\",le=\"+Inf\"} 6",
            "babelcast_stage_seconds_sum{stage=\"encoded\"} 24.053",
            "babelcast_stage_seconds_count{stage=\"encoded\"} 6",
        ];
        Assert.All(expected, line => Assert.Contains(line, lines));

        // Buckets never decrease and +Inf equals _count.
        var counts = lines.Where(l => l.StartsWith("babelcast_stage_seconds_bucket", StringComparison.Ordinal))
            .Select(l => long.Parse(l[(l.LastIndexOf(' ') + 1)..])).ToList();
        Assert.Equal(15, counts.Count);
        Assert.Equal(counts.Order(), counts);
    }

    [Fact]
    public void WriteTo_HistogramPerLabel_WritesOneSeriesSetPerLabel()
    {
        _metrics.Observe("babelcast_stage_seconds", "Stage latency", "stage", "translated", 0.002);
        _metrics.Observe("babelcast_stage_seconds", "Stage latency", "stage", "encoded", 0.2);

        var text = Render();

        Assert.Contains("babelcast_stage_seconds_count{stage=\"encoded\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("babelcast_stage_seconds_count{stage=\"translated\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("babelcast_stage_seconds_bucket{stage=\"translated\",le=\"0.005\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("babelcast_stage_seconds_bucket{stage=\"encoded\",le=\"0.1\"} 0\n", text, StringComparison.Ordinal);
        Assert.Single(text.Split('\n'), l => l.StartsWith("# TYPE", StringComparison.Ordinal));
    }

    [Fact]
    public void WriteTo_LabelWithQuoteBackslashAndNewline_EscapesThem()
    {
        _metrics.Increment("babelcast_errors", "Errors by code", "code", "a\"b\\c\nd");

        Assert.Contains("babelcast_errors_total{code=\"a\\\"b\\\\c\\nd\"} 1\n", Render(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Increment_ConcurrentWriters_CountsEveryIncrement()
    {
        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                _metrics.Increment("babelcast_ws_messages_in", "Messages", "endpoint", t % 2 == 0 ? "speak" : "listen");
                _metrics.Observe("babelcast_stage_seconds", "Stage latency", "stage", "x", 0.001);
            }
        })));

        Assert.Equal(40_000, _metrics.CounterValue("babelcast_ws_messages_in", "speak"));
        Assert.Equal(40_000, _metrics.CounterValue("babelcast_ws_messages_in", "listen"));
        Assert.Contains("babelcast_stage_seconds_count{stage=\"x\"} 80000\n", Render(), StringComparison.Ordinal);
    }

    private string Render()
    {
        var sb = new StringBuilder();
        _metrics.WriteTo(sb);
        return sb.ToString();
    }
}
