using System.Text.Json;

namespace Babelcast.Server.Tests.Bench;

/// <summary>
/// Runs each benchmark scenario in its smoke mode (two short clips, one or two speakers, 50 listeners) as the built
/// bench process against the real server, and checks its reports, so that the harness cannot rot; the full runs are
/// manual (docs/benchmarks.md).
/// </summary>
[Collection(SoloCollection.Name)]
public sealed class BenchSmokeTests : IDisposable
{
    private static readonly string[] LatencyMeasures = ["endToFinalTranscript", "endToFinalCaption", "endToFirstAudioByte", "partialCaptionLag"];

    private readonly string _out = Directory.CreateTempSubdirectory("bc-bench-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [Fact]
    public async Task Run_LatencySmoke_WritesReportWithMeasuredPhrases()
    {
        using var json = await RunSmokeAsync("latency");
        var root = json.RootElement;

        var phrases = root.GetProperty("phrases");
        Assert.True(phrases.GetArrayLength() > 0, "no phrases measured");
        foreach (var measure in LatencyMeasures)
        {
            var stats = root.GetProperty("latency").GetProperty(measure);
            Assert.True(stats.GetProperty("count").GetInt32() >= 1, $"{measure}: nothing measured");
            Assert.InRange(stats.GetProperty("p50").GetDouble(), 1, 60_000);
        }

        var languages = root.GetProperty("languages").EnumerateArray().Select(l => l.GetString()).ToList();
        Assert.All(phrases.EnumerateArray(), p => Assert.Contains(p.GetProperty("language").GetString(), languages));
        var stages = root.GetProperty("stages");
        Assert.True(stages.GetProperty("recognised").GetProperty("p50").GetDouble() > stages.GetProperty("endDetected").GetProperty("p50").GetDouble());
        Assert.Equal("fixed", root.GetProperty("gaps").GetString());
        AssertScored(root.GetProperty("finalTranscriptWer"));
    }

    [Fact]
    public async Task Run_LatencySmokeWithNaturalGapsTooShortToClose_MeasuresMergedPhraseOnce()
    {
        // An end-of-phrase pause longer than any natural gap makes the server merge the clips into one phrase.
        using var json = await RunSmokeAsync("latency", "--gaps", "natural", "--gap-seed", "5", "--pause", "3",
            "--set", "Babelcast:Pipeline:EndSilenceMs=2000", "--set", "Babelcast:Pipeline:MaxPhraseMs=30000");
        var root = json.RootElement;

        Assert.Equal("natural", root.GetProperty("gaps").GetString());
        Assert.Equal(5, root.GetProperty("gapSeed").GetInt32());
        var gaps = root.GetProperty("gapSeconds").EnumerateArray().Select(g => g.GetDouble()).ToList();
        Assert.Equal(root.GetProperty("clipsStreamed").GetInt32(), gaps.Count);
        Assert.All(gaps.SkipLast(1), g => Assert.InRange(g, 0.28, 1.5));
        Assert.True(root.GetProperty("mergedPhrases").GetInt32() >= 1, "no phrase spanned two clips");
        Assert.Equal(root.GetProperty("clipsStreamed").GetInt32(), root.GetProperty("clipsWithFinal").GetInt32());
        var perLanguage = root.GetProperty("phrases").EnumerateArray().GroupBy(p => p.GetProperty("language").GetString());
        Assert.All(perLanguage, g => Assert.Equal(g.Count(), g.Select(p => p.GetProperty("seq").GetInt64()).Distinct().Count()));
        Assert.Contains(root.GetProperty("phrases").EnumerateArray(), p => p.GetProperty("firstClipIndex").GetInt32() < p.GetProperty("clipIndex").GetInt32());
        AssertScored(root.GetProperty("finalTranscriptWer"));
    }

    [Fact]
    public async Task Run_SpeakersSmoke_MeasuresLagCpuAndMemoryPerStep()
    {
        using var json = await RunSmokeAsync("speakers");
        var root = json.RootElement;

        var first = root.GetProperty("steps")[0];
        Assert.Equal(1, first.GetProperty("speakers").GetInt32());
        Assert.True(first.GetProperty("lag").GetProperty("count").GetInt32() >= 1, first.GetProperty("verdict").GetString());
        Assert.InRange(first.GetProperty("lag").GetProperty("p50").GetDouble(), 1, 60_000);
        Assert.True(first.GetProperty("server").GetProperty("cpuSeconds").GetDouble() > 0);
        Assert.True(first.GetProperty("server").GetProperty("peakRssBytes").GetInt64() > 50L * 1024 * 1024);
        Assert.True(root.GetProperty("serverIsolated").GetBoolean());
        AssertScored(first.GetProperty("finalTranscriptWer"));
    }

    [Fact]
    public async Task Run_FanoutSmoke_DeliversEveryPhraseToEveryListener()
    {
        using var json = await RunSmokeAsync("fanout");

        var step = Assert.Single(json.RootElement.GetProperty("steps").EnumerateArray());
        Assert.Equal(50, step.GetProperty("listeners").GetInt32());
        Assert.Equal(0, step.GetProperty("connectFailures").GetInt32());
        Assert.True(step.GetProperty("phrases").GetInt32() >= 1);
        Assert.Equal(0, step.GetProperty("listenersMissingCaptions").GetInt32());
        Assert.Equal(0, step.GetProperty("listenersMissingAudio").GetInt32());
        Assert.True(step.GetProperty("spreadAll").GetProperty("count").GetInt32() > 50);
        Assert.InRange(step.GetProperty("endToCaption").GetProperty("p50").GetDouble(), 1, 60_000);
        Assert.True(step.GetProperty("queueToReceive").GetProperty("count").GetInt32() > 0);
        Assert.True(step.GetProperty("queueToReceive").GetProperty("min").GetDouble() >= 0);
        // The raw listeners' kernel arrival time never follows their own read of the same message.
        Assert.Equal(step.GetProperty("queueToReceive").GetProperty("count").GetInt32(), step.GetProperty("queueToRead").GetProperty("count").GetInt32());
        Assert.True(step.GetProperty("queueToRead").GetProperty("p50").GetDouble() >= step.GetProperty("queueToReceive").GetProperty("p50").GetDouble());
        // The server's own fan-out time, read from its /metrics around the step: every phrase's audio went to 3 languages.
        var fanout = step.GetProperty("serverFanout");
        Assert.True(fanout.GetProperty("all").GetProperty("count").GetInt64() >= 3);
        Assert.True(fanout.GetProperty("Audio").GetProperty("count").GetInt64() >= 3);
        Assert.True(fanout.GetProperty("all").GetProperty("totalMs").GetDouble() > 0);
        Assert.True(step.GetProperty("active").GetProperty("cpuSeconds").GetDouble() > 0);
        Assert.True(step.GetProperty("idle").GetProperty("rssBytes").GetInt64() > 0);
    }

    [Fact]
    public async Task Run_StreamSmoke_MeasuresExtraDelayBytesAndCpu()
    {
        using var json = await RunSmokeAsync("stream");
        var root = json.RootElement;

        Assert.Equal(10, root.GetProperty("streamListeners").GetInt32());
        Assert.Equal(0, root.GetProperty("failedStreams").GetInt32());
        Assert.True(root.GetProperty("phrasesOnWebSocket").GetInt32() >= 1);
        var playback = root.GetProperty("extraDelayPlayback");
        Assert.True(playback.GetProperty("count").GetInt32() >= 1, "no phrase matched between the WebSocket and the stream");
        Assert.InRange(playback.GetProperty("p50").GetDouble(), 1, 60_000);
        Assert.True(root.GetProperty("extraDelayArrival").GetProperty("p50").GetDouble() <= playback.GetProperty("p50").GetDouble());
        // The default 32 kbit/s is 4,000 B/s; the stream sends silence at the same rate between phrases.
        Assert.InRange(root.GetProperty("bytesPerListenerPerSecond").GetDouble(), 3500, 5500);
        Assert.True(root.GetProperty("idleWithStreams").GetProperty("cpuSeconds").GetDouble() > 0);
    }

    [Fact]
    public async Task Run_FirstSmoke_MeasuresTheFirstPhraseOfEachFreshSessionWhileAnotherStreams()
    {
        using var json = await RunSmokeAsync("first", "--busy", "1");
        var root = json.RootElement;

        Assert.Equal(2, root.GetProperty("sessions").GetInt32());
        Assert.Equal(1, root.GetProperty("busySessions").GetInt32());
        var phrases = root.GetProperty("phrases").EnumerateArray().ToList();
        Assert.NotEmpty(phrases);
        // One phrase per session (its first), seen by every listener language.
        Assert.All(phrases.GroupBy(p => p.GetProperty("speaker").GetInt32()), g => Assert.Single(g.Select(p => p.GetProperty("seq").GetInt64()).Distinct()));
        Assert.All(phrases, p => Assert.True(p.GetProperty("speaker").GetInt32() < 2, "a busy session's phrase was measured"));
        var first = root.GetProperty("firstAudio");
        Assert.True(first.GetProperty("count").GetInt32() >= 1, "no first phrase delivered audio");
        Assert.InRange(first.GetProperty("p50").GetDouble(), 1, 60_000);
        Assert.Equal(2, root.GetProperty("targets").GetArrayLength());
    }

    [Fact]
    [Trait("Category", "Cluster")]
    public async Task Run_ClusterSmoke_ComparesOneNodeWithGatewayAndWorkers_TimesFailoverAndReadsBackends()
    {
        using var json = await RunSmokeAsync("cluster", TimeSpan.FromMinutes(6));
        var root = json.RootElement;

        Assert.Equal(2, root.GetProperty("workers").GetInt32());
        Assert.Equal(1, root.GetProperty("speakers").GetInt32());
        foreach (var setup in new[] { "singleNode", "cluster" })
        {
            var s = root.GetProperty(setup);
            Assert.True(s.GetProperty("latency").GetProperty("endToFinalCaption").GetProperty("count").GetInt32() >= 1, $"{setup}: no caption measured");
            Assert.Equal(0, s.GetProperty("missingFinalCaptions").GetInt32());
            AssertScored(s.GetProperty("finalTranscriptWer"));
        }

        // The bus's added latency is the cluster's figure minus the single node's.
        var single = root.GetProperty("singleNode").GetProperty("latency").GetProperty("endToFinalCaption").GetProperty("p50").GetDouble();
        var cluster = root.GetProperty("cluster").GetProperty("latency").GetProperty("endToFinalCaption").GetProperty("p50").GetDouble();
        Assert.Equal(Math.Round(cluster - single, 1), root.GetProperty("busAdded").GetProperty("endToFinalCaption").GetProperty("addedP50").GetDouble(), 1);

        // Both failovers moved the lease to another worker, and captions came back from it; nothing lost or doubled.
        var failover = root.GetProperty("failover");
        foreach (var signal in new[] { "kill", "stop" })
        {
            var f = failover.GetProperty(signal);
            Assert.StartsWith("worker-", f.GetProperty("toNode").GetString(), StringComparison.Ordinal);
            Assert.NotEqual(f.GetProperty("fromNode").GetString(), f.GetProperty("toNode").GetString());
            Assert.InRange(f.GetProperty("leaseMovedMs").GetDouble(), 0, 60_000);
            Assert.InRange(f.GetProperty("firstCaptionMs").GetDouble(), f.GetProperty("leaseMovedMs").GetDouble(), 60_000);
        }

        Assert.Equal(0, failover.GetProperty("missingFinalCaptions").GetInt32());
        Assert.Equal(0, failover.GetProperty("duplicateFinalCaptions").GetInt32());

        // Redis is read only for the cluster; PostgreSQL for both (the single node runs on the PostgreSQL store by default).
        var backends = root.GetProperty("cluster").GetProperty("backends");
        Assert.True(backends.GetProperty("redis").GetProperty("cpuSeconds").GetDouble() > 0);
        Assert.True(backends.GetProperty("redis").GetProperty("usedMemoryBytes").GetInt64() > 0);
        Assert.True(backends.GetProperty("postgres").GetProperty("cpuSeconds").GetDouble() > 0);
        Assert.True(backends.GetProperty("postgres").GetProperty("pssBytes").GetInt64() > 1024 * 1024);
        Assert.True(backends.GetProperty("postgres").GetProperty("databaseBytes").GetInt64() > 0);
        Assert.False(root.GetProperty("singleNode").GetProperty("backends").TryGetProperty("redis", out _));
        Assert.Equal(3, root.GetProperty("cluster").GetProperty("processes").EnumerateObject().Count());
    }

    /// <summary>The real recogniser gets most words of the short clips right: a scored, plausible word error rate.</summary>
    private static void AssertScored(JsonElement wer)
    {
        Assert.True(wer.GetProperty("words").GetInt32() > 5, wer.ToString());
        Assert.InRange(wer.GetProperty("rate").GetDouble(), 0, 0.8);
    }

    /// <summary>Runs <c>MODE --smoke --out DIR</c>; checks the exit code and the report files, and returns the JSON result.</summary>
    private Task<JsonDocument> RunSmokeAsync(string mode, params string[] extra) => RunSmokeAsync(mode, TimeSpan.FromMinutes(4), extra);

    private async Task<JsonDocument> RunSmokeAsync(string mode, TimeSpan timeout, params string[] extra)
    {
        var (code, stdout, stderr) = await BenchProcess.RunAsync(timeout, [mode, "--smoke", "--out", _out, .. extra]);
        Assert.True(code == 0, $"exit code {code}\n{stdout}\n{stderr}");

        var markdown = await File.ReadAllTextAsync(Path.Combine(_out, mode + "-smoke.md"));
        Assert.Contains("p50", markdown, StringComparison.Ordinal);
        Assert.Contains(markdown.Trim(), stdout, StringComparison.Ordinal);
        var svgs = Directory.GetFiles(_out, mode + "-smoke-*.svg");
        Assert.NotEmpty(svgs);
        Assert.All(svgs, p => Assert.StartsWith("<svg", File.ReadAllText(p), StringComparison.Ordinal));

        var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_out, mode + "-smoke.json")));
        Assert.Equal(mode, json.RootElement.GetProperty("scenario").GetString());
        Assert.True(json.RootElement.GetProperty("smoke").GetBoolean());
        return json;
    }
}
