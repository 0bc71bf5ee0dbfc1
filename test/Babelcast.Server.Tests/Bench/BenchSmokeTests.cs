using System.Text.Json;
using Babelcast.Bench;
using Babelcast.Bench.Scenarios;
using Microsoft.Extensions.Logging.Abstractions;

namespace Babelcast.Server.Tests.Bench;

/// <summary>
/// Runs each benchmark scenario in its smoke mode (two short clips, one or two speakers, 50 listeners) against the
/// real server so that the harness cannot rot; the full runs are manual (docs/benchmarks.md).
/// </summary>
public sealed class BenchSmokeTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("bc-bench-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [Fact]
    public async Task RunAsync_LatencySmoke_WritesReportWithMeasuredPhrases()
    {
        var outcome = await RunAsync("latency");

        var result = Assert.IsType<LatencyResult>(outcome.Result);
        Assert.NotEmpty(result.Phrases);
        foreach (var measure in new[] { LatencyMetrics.ToTranscript, LatencyMetrics.ToCaption, LatencyMetrics.ToAudio, LatencyMetrics.PartialLag })
        {
            Assert.True(result.Latency[measure].Count >= 1, $"{measure}: nothing measured");
            Assert.InRange(result.Latency[measure].P50, 1, 60_000);
        }

        Assert.All(result.Phrases, p => Assert.Contains(p.Language, result.Languages));
        Assert.True(result.Stages["recognised"].P50 > result.Stages["endDetected"].P50);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(outcome.JsonPath));
        Assert.True(json.RootElement.GetProperty("latency").GetProperty(LatencyMetrics.ToAudio).GetProperty("p50").GetDouble() > 0);
    }

    [Fact]
    public async Task RunAsync_SpeakersSmoke_MeasuresLagCpuAndMemoryPerStep()
    {
        var outcome = await RunAsync("speakers");

        var result = Assert.IsType<SpeakersResult>(outcome.Result);
        var first = Assert.IsType<SpeakersStep>(result.Steps[0]);
        Assert.Equal(1, first.Speakers);
        Assert.True(first.Lag.Count >= 1, first.Verdict);
        Assert.InRange(first.Lag.P50, 1, 60_000);
        Assert.True(first.Server.CpuSeconds > 0);
        Assert.True(first.Server.PeakRssBytes > 50L * 1024 * 1024);
        Assert.True(result.ServerIsolated);
    }

    [Fact]
    public async Task RunAsync_FanoutSmoke_DeliversEveryPhraseToEveryListener()
    {
        var outcome = await RunAsync("fanout");

        var result = Assert.IsType<FanoutResult>(outcome.Result);
        var step = Assert.Single(result.Steps);
        Assert.Equal(50, step.Listeners);
        Assert.Equal(0, step.ConnectFailures);
        Assert.True(step.Phrases >= 1);
        Assert.Equal(0, step.ListenersMissingCaptions);
        Assert.Equal(0, step.ListenersMissingAudio);
        Assert.True(step.SpreadAll.Count > 50);
        Assert.InRange(step.EndToCaption.P50, 1, 60_000);
        Assert.True(step.QueueToReceive.Count > 0 && step.QueueToReceive.Min >= 0);
        Assert.True(step.Active.CpuSeconds > 0);
        Assert.True(step.Idle.RssBytes > 0);
    }

    private async Task<BenchOutcome> RunAsync(string scenario)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var outcome = await BenchRunner.RunAsync(BenchOptions.Parse([scenario, "--smoke", "--out", _out]), NullLogger.Instance, cts.Token);

        Assert.True(new FileInfo(outcome.JsonPath).Length > 100);
        Assert.Contains("p50", await File.ReadAllTextAsync(outcome.MarkdownPath), StringComparison.Ordinal);
        Assert.NotEmpty(outcome.SvgPaths);
        Assert.All(outcome.SvgPaths, p => Assert.StartsWith("<svg", File.ReadAllText(p), StringComparison.Ordinal));
        return outcome;
    }
}
