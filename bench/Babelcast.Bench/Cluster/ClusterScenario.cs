using Babelcast.Bench.Audio;
using Babelcast.Bench.Hosting;
using Babelcast.Bench.Measure;
using Babelcast.Bench.Reporting;
using Babelcast.Bench.Scenarios;
using Microsoft.Extensions.Logging;

namespace Babelcast.Bench.Cluster;

/// <summary>
/// Scenario: the same speakers and listeners against one node, then against a cluster of one gateway and two workers
/// on a private Redis and PostgreSQL; the bus's added latency per phrase, failover times (kill -9 and SIGTERM of the
/// owning worker) and Redis's and PostgreSQL's CPU and memory per session. Every node is its own process.
/// </summary>
public static class ClusterScenario
{
    public const int Workers = 2;

    public static async Task<BenchOutcome> RunAsync(BenchOptions options, MachineInfo machine, ILogger logger, CancellationToken cancellationToken)
    {
        var speakers = options.SpeakerSteps[0];
        var dll = ServerLocator.FindServerDll(options.ServerDll);
        var errors = new List<string>();
        await using var backends = await ClusterBackends.StartAsync(cancellationToken);
        var single = await SingleNodeAsync(options, dll, backends, speakers, logger, cancellationToken);
        var (cluster, failover) = await ClusterAsync(options, dll, backends, speakers, errors, logger, cancellationToken);

        var added = new Dictionary<string, AddedLatency>(StringComparer.Ordinal);
        foreach (var measure in new[] { LatencyMetrics.ToTranscript, LatencyMetrics.ToCaption, LatencyMetrics.ToAudio, LatencyMetrics.PartialLag })
        {
            added[measure] = AddedLatency.Of(single.Latency[measure], cluster.Latency[measure]);
        }

        var result = new ClusterResult(
            "cluster", options.Smoke, BenchRunner.CommandLine(options), machine.WithEnd(), options.Baseline, Workers, speakers, options.Languages,
            Math.Round(ClipSet.Program(options).DurationSeconds, 1), single, cluster, added, failover, Targets(single, cluster, added, failover), errors);
        var svg = SvgChart.Cdf(
            $"Single node vs cluster (1 gateway + {Workers} workers), {speakers} speaker(s), {options.Languages.Count} languages",
            "milliseconds from end of speech",
            [
                new ChartSeries("single node: final caption", single.Phrases.Select(r => r.ToCaptionMs).OfType<double>().ToList()),
                new ChartSeries("cluster: final caption", cluster.Phrases.Select(r => r.ToCaptionMs).OfType<double>().ToList()),
                new ChartSeries("single node: first audio byte", single.Phrases.Select(r => r.ToAudioMs).OfType<double>().ToList()),
                new ChartSeries("cluster: first audio byte", cluster.Phrases.Select(r => r.ToAudioMs).OfType<double>().ToList()),
            ],
            []);
        var markdown = ClusterReport.Render(result, ReportFiles.SvgName(options, "cdf"));
        var outcome = await ReportFiles.WriteAsync(options, result, markdown, new Dictionary<string, string> { ["cdf"] = svg }, cancellationToken);
        Log.Wrote(logger, outcome.JsonPath, outcome.MarkdownPath);
        return outcome;
    }

    private static async Task<SetupLatency> SingleNodeAsync(BenchOptions options, string dll, ClusterBackends backends, int speakers, ILogger logger, CancellationToken cancellationToken)
    {
        var onPostgres = options.Baseline == "postgres";
        var deployment = onPostgres ? await backends.DeploymentAsync(bus: false, cancellationToken) : null;
        await using var node = await ServerProcess.StartAsync(dll, ClusterSettings.For(options, deployment), logger, cancellationToken);
        using var api = new ApiClient(node);
        await api.LoginAsync(cancellationToken);
        await using var sampler = new ResourceSampler(node.ProcessId);
        await using var backendSampler = new BackendSampler(backends, redis: false);
        await backendSampler.MarkAsync(cancellationToken);
        sampler.Mark();
        return await LatencyRun.RunAsync(onPostgres ? "single node (PostgreSQL store, in-process bus)" : "single node (embedded: SQLite, in-process bus)",
            options, node, api, speakers,
            async ct => (new Dictionary<string, ResourceWindow> { ["node"] = sampler.Read() }, onPostgres ? await backendSampler.ReadAsync(speakers, ct) : null),
            owner: null, logger, cancellationToken);
    }

    private static async Task<(SetupLatency, FailoverRun?)> ClusterAsync(BenchOptions options, string dll, ClusterBackends backends, int speakers, List<string> errors, ILogger logger, CancellationToken cancellationToken)
    {
        var deployment = await backends.DeploymentAsync(bus: true, cancellationToken);
        var nodes = new Dictionary<string, ServerProcess>(StringComparer.Ordinal);
        try
        {
            // The first node migrates the schema and creates the admin; the others start once it answers.
            var gateway = await StartNodeAsync(options, dll, deployment, "gateway", "gateway-1", logger, cancellationToken);
            nodes["gateway-1"] = gateway;
            var workers = await Task.WhenAll(Enumerable.Range(1, Workers).Select(i =>
                StartNodeAsync(options, dll, deployment, "worker", ClusterSettings.WorkerName(i), logger, cancellationToken)));
            for (var i = 0; i < workers.Length; i++)
            {
                nodes[ClusterSettings.WorkerName(i + 1)] = workers[i];
            }

            using var api = new ApiClient(gateway);
            await api.LoginAsync(cancellationToken);
            var samplers = nodes.ToDictionary(kv => kv.Key, kv => new ResourceSampler(kv.Value.ProcessId), StringComparer.Ordinal);
            await using var backendSampler = new BackendSampler(backends, redis: true);
            SetupLatency latency;
            try
            {
                await backendSampler.MarkAsync(cancellationToken);
                foreach (var s in samplers.Values)
                {
                    s.Mark();
                }

                latency = await LatencyRun.RunAsync($"cluster (1 gateway + {Workers} workers, Redis bus, PostgreSQL store)", options, gateway, api, speakers,
                    async ct => (samplers.ToDictionary(kv => kv.Key, kv => kv.Value.Read(), StringComparer.Ordinal), await backendSampler.ReadAsync(speakers, ct)),
                    session => backends.OwnerAsync(deployment[ClusterSettings.KeyPrefix], session), logger, cancellationToken);
            }
            finally
            {
                foreach (var s in samplers.Values)
                {
                    await s.DisposeAsync();
                }
            }

            // A standby worker, as a deployment keeps one spare: after the kill there are still two to hand over between.
            var standby = ClusterSettings.WorkerName(Workers + 1);
            nodes[standby] = await StartNodeAsync(options, dll, deployment, "worker", standby, logger, cancellationToken);
            var workerNodes = nodes.Where(kv => kv.Key.StartsWith("worker-", StringComparison.Ordinal)).ToDictionary(StringComparer.Ordinal);
            FailoverRun? failover = null;
            try
            {
                failover = await new FailoverMeasure(backends, deployment[ClusterSettings.KeyPrefix], workerNodes, logger).RunAsync(options, gateway, api, cancellationToken);
                errors.AddRange(failover.Errors);
            }
            catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or HttpRequestException or System.Net.WebSockets.WebSocketException)
            {
                errors.Add("failover: " + ex.Message);
            }

            return (latency, failover);
        }
        finally
        {
            foreach (var node in nodes.Values)
            {
                await node.DisposeAsync();
            }
        }
    }

    private static async Task<ServerProcess> StartNodeAsync(BenchOptions options, string dll, IReadOnlyDictionary<string, string> deployment, string role, string name, ILogger logger, CancellationToken cancellationToken)
    {
        var node = await ServerProcess.StartAsync(dll, ClusterSettings.For(options, deployment, role, name), logger, cancellationToken, healthPath: "/healthz/ready");
        Log.ClusterNodeStarted(logger, name, role, node.ProcessId);
        return node;
    }

    private static List<TargetCheck> Targets(SetupLatency single, SetupLatency cluster, Dictionary<string, AddedLatency> added, FailoverRun? failover)
    {
        var caption = added[LatencyMetrics.ToCaption];
        var audio = added[LatencyMetrics.ToAudio];
        var measured = single.Latency[LatencyMetrics.ToCaption].Count > 0 && cluster.Latency[LatencyMetrics.ToCaption].Count > 0;
        var measuredAudio = single.Latency[LatencyMetrics.ToAudio].Count > 0 && cluster.Latency[LatencyMetrics.ToAudio].Count > 0;
        var kill = failover?.Kill?.FirstCaptionMs;
        var stop = failover?.Stop?.FirstCaptionMs;
        var lost = cluster.MissingFinalCaptions + (failover?.MissingFinalCaptions ?? 0);
        var doubled = cluster.DuplicateFinals + (failover?.DuplicateFinalCaptions ?? 0);
        return
        [
            new("Bus added: end of speech to final caption, p50", "<= +10 ms", Markdown.Ms(caption.AddedP50), measured && caption.AddedP50 <= 10),
            new("Bus added: end of speech to final caption, p95", "<= +50 ms", Markdown.Ms(caption.AddedP95), measured && caption.AddedP95 <= 50),
            new("Bus added: end of speech to first audio byte, p50", "<= +10 ms", Markdown.Ms(audio.AddedP50), measuredAudio && audio.AddedP50 <= 10),
            new("Bus added: end of speech to first audio byte, p95", "<= +50 ms", Markdown.Ms(audio.AddedP95), measuredAudio && audio.AddedP95 <= 50),
            new("kill -9 of the owner: captions resume at every listener", "<= 5 s", Markdown.Ms(kill), kill is <= 5000),
            new("SIGTERM of the owner: captions resume at every listener", "< 1 s", Markdown.Ms(stop), stop is < 1000),
            new("Cluster: every final caption at every listener, once", "0 missing, 0 doubled", $"{lost} missing, {doubled} doubled", lost == 0 && doubled == 0 && failover is not null),
        ];
    }
}
