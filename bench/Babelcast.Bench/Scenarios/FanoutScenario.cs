using Babelcast.Bench.Audio;
using Babelcast.Bench.Clients;
using Babelcast.Bench.Hosting;
using Babelcast.Bench.Measure;
using Babelcast.Bench.Reporting;
using Babelcast.Core.Protocol;
using Microsoft.Extensions.Logging;

namespace Babelcast.Bench.Scenarios;

/// <summary>
/// Scenario 3: one speaker, growing numbers of lean listeners split across languages in one session. At each count:
/// idle memory per listener, then a few clips streamed: delivery delay, end-to-end latency at every listener, CPU,
/// errors. The server runs in its own process so that its RSS and CPU exclude the clients.
/// </summary>
public static class FanoutScenario
{
    public static async Task<BenchOutcome> RunAsync(BenchOptions options, MachineInfo machine, ILogger logger, CancellationToken cancellationToken)
    {
        var fdLimit = FileLimit.Raise((ulong)(options.ListenerSteps.Max() * 2) + 4096);
        await using var server = await BenchRunner.StartServerAsync(options, options.ListenerSteps.Max() + 100, logger, cancellationToken);
        using var api = new ApiClient(server);
        await api.LoginAsync(cancellationToken);
        var sessionId = await api.CreateSessionAsync(cancellationToken);
        await using var speaker = await SpeakerClient.ConnectAsync(api.SpeakerUri(sessionId), cancellationToken);
        await speaker.WaitForTypeAsync(MessageTypes.Connected, TimeSpan.FromSeconds(30));
        await using var pool = new ListenerPool(server.WebSocketBase, sessionId, options.Languages, options.ConnectConcurrency, logger);

        // Warm-up with one listener per language: loads the recogniser, translators and JIT before any baseline.
        await pool.GrowToAsync(options.Languages.Count, cancellationToken);
        var warmup = ClipSet.Warmup(options);
        await StreamAsync(speaker, pool, warmup, 0, options, cancellationToken);
        long streamed = warmup.Samples.Length;
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        var baseline = ProcStats.ResidentBytes(server.ProcessId);
        await using var sampler = new ResourceSampler(server.ProcessId);
        await using var clientSampler = new ResourceSampler(Environment.ProcessId);
        var steps = new List<FanoutStep>();
        foreach (var count in options.ListenerSteps)
        {
            var failuresBefore = pool.Failures;
            var connect = await pool.GrowToAsync(count, cancellationToken);
            Log.ListenersConnected(logger, pool.Listeners.Count, connect.TotalSeconds, pool.Failures - failuresBefore);
            sampler.Mark();
            await Task.Delay(TimeSpan.FromSeconds(options.Smoke ? 2 : 5), cancellationToken);
            var idle = sampler.Read();
            var before = pool.Listeners.ToDictionary(l => (IListener)l, l => l.Snapshot().Count);
            var program = ClipSet.Program(options);
            var metricsBefore = await api.MetricsAsync(cancellationToken);
            sampler.Mark();
            clientSampler.Mark();
            var offset = streamed;
            var streamer = await StreamAsync(speaker, pool, program, offset, options, cancellationToken);
            streamed += program.Samples.Length;
            var active = sampler.Read();
            var clients = clientSampler.Read();
            var serverFanout = ServerFanout.Between(metricsBefore, await api.MetricsAsync(cancellationToken));
            var step = FanoutAnalysis.Analyse(count, connect, pool.Failures - failuresBefore, idle, active, clients, baseline, speaker, pool, before, program, streamer, offset, serverFanout);
            steps.Add(step);
            Log.StepResult(logger, $"{count} listeners", $"spread {step.SpreadAll.Brief()}; queue->receive {step.QueueToReceive.Brief()}; queue->read {step.QueueToRead.Brief()}; server fan-out {FanoutReport.ServerBrief(step)}; idle {step.IdleBytesPerListener / 1024:F1} KiB/listener; server {active.CpuCores:F2} cores");
        }

        var result = new FanoutResult("fanout", options.Smoke, BenchRunner.CommandLine(options), machine.WithEnd(), server.Isolated, options.Languages,
            ClipSet.For(options).Clips.Count, baseline, fdLimit, steps, FanoutReport.Targets(steps));
        var svg = SvgChart.Cdf("Fan-out delivery: first listener to each listener", "milliseconds",
            steps.Select(s => new ChartSeries($"{s.Listeners} listeners", s.SpreadSample)).ToList(), [("p99 bar 250", 250)], "share of deliveries at or below (sampled)");
        var markdown = FanoutReport.Render(result, ReportFiles.SvgName(options, "delivery"));
        var outcome = await ReportFiles.WriteAsync(options, result, markdown, new Dictionary<string, string> { ["delivery"] = svg }, cancellationToken);
        Log.Wrote(logger, outcome.JsonPath, outcome.MarkdownPath);
        return outcome;
    }

    private static async Task<PacedStreamer> StreamAsync(SpeakerClient speaker, ListenerPool pool, SpeechProgram program, long sampleOffset, BenchOptions options, CancellationToken cancellationToken)
    {
        var streamer = new PacedStreamer(speaker, program, options.FrameMs);
        await streamer.StreamAsync(cancellationToken);
        var listeners = pool.Listeners;
        await CompletionWaiter.WaitAsync(
            () => PhraseAnalyzer.LastClipSeq(program, streamer, sampleOffset, speaker.Messages) is { } seq &&
                listeners.All(l => l.Failed || l.Snapshot().Any(a => a.Kind == ArrivalKind.AudioData && a.Seq >= seq)),
            () => speaker.Messages.Count + listeners.Sum(l => l.BytesReceived),
            TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(120), cancellationToken);
        return streamer;
    }
}
