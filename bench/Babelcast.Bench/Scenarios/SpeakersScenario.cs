using Babelcast.Bench.Audio;
using Babelcast.Bench.Hosting;
using Babelcast.Bench.Measure;
using Babelcast.Bench.Reporting;
using Microsoft.Extensions.Logging;

namespace Babelcast.Bench.Scenarios;

/// <summary>
/// Scenario 2: more and more concurrent speakers (each with a listener per language, each starting at a different
/// clip) until the pipeline falls behind real time; reports the largest count with bounded lag and the server's
/// CPU and memory at each count.
/// </summary>
public static class SpeakersScenario
{
    public static async Task<BenchOutcome> RunAsync(BenchOptions options, MachineInfo machine, ILogger logger, CancellationToken cancellationToken)
    {
        await using var server = await BenchRunner.StartServerAsync(options, 100, logger, cancellationToken);
        using var api = new ApiClient(server);
        await api.LoginAsync(cancellationToken);
        var idleRss = ProcStats.ResidentBytes(server.ProcessId);
        await using var sampler = new ResourceSampler(server.ProcessId);
        var steps = new List<SpeakersStep>();
        foreach (var count in options.SpeakerSteps)
        {
            SpeakersStep step;
            try
            {
                step = await RunStepAsync(options, server, api, sampler, count, logger, cancellationToken);
            }
            catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or HttpRequestException or System.Net.WebSockets.WebSocketException)
            {
                // Reported, not hidden: the step failed to run (e.g. the server did not answer the speaker).
                step = new SpeakersStep(count, options.Languages.Count, false, "harness error: " + ex.Message, Stats.Empty, Stats.Empty, Stats.Empty, 0, 0, 0, 0, 0, sampler.Read());
            }

            steps.Add(step);
            Log.StepResult(logger, $"{count} speakers", $"{step.Verdict}; lag {step.Lag.Brief()}; WER {step.FinalTranscriptWer?.Brief() ?? "-"}; server {step.Server.CpuCores:F2} cores, peak RSS {step.Server.PeakRssMiB:F0} MiB");
            if (!step.Bounded || step.Refused > 0)
            {
                Log.SpeakersStop(logger, count, step.Verdict);
                break;
            }
        }

        // A refused speaker (CAPACITY_EXCEEDED) is not carried: the count is the speakers the server admitted.
        var largest = steps.Where(s => s.Bounded).Select(s => s.Speakers - s.Refused).DefaultIfEmpty(0).Max();
        var result = new SpeakersResult("speakers", options.Smoke, BenchRunner.CommandLine(options), machine.WithEnd(), server.Isolated, options.Languages,
            ClipSet.For(options).Clips.Count, options.MaxLagSeconds, largest, idleRss, steps);
        var svg = SvgChart.Lines("Clip end to final caption vs concurrent speakers", "concurrent speakers", "milliseconds",
        [
            new ChartSeries("lag p50", [], steps.Select(s => ((double)s.Speakers, s.Lag.P50)).ToList()),
            new ChartSeries("lag p95", [], steps.Select(s => ((double)s.Speakers, s.Lag.P95)).ToList()),
            new ChartSeries("lag max", [], steps.Select(s => ((double)s.Speakers, s.Lag.Max)).ToList()),
            new ChartSeries("first audio byte p95", [], steps.Select(s => ((double)s.Speakers, s.ToAudio.P95)).ToList()),
        ]);
        var markdown = SpeakersReport.Render(result, ReportFiles.SvgName(options, "lag"));
        var outcome = await ReportFiles.WriteAsync(options, result, markdown, new Dictionary<string, string> { ["lag"] = svg }, cancellationToken);
        Log.Wrote(logger, outcome.JsonPath, outcome.MarkdownPath);
        return outcome;
    }

    private static async Task<SpeakersStep> RunStepAsync(BenchOptions options, IBenchServer server, ApiClient api, ResourceSampler sampler, int count, ILogger logger, CancellationToken cancellationToken)
    {
        var rigs = new List<SpeakerRig>();
        var refused = 0;
        try
        {
            for (var i = 0; i < count; i++)
            {
                var program = ClipSet.Program(options, rotate: i * 5);
                try
                {
                    rigs.Add(await SpeakerRig.StartAsync(i, api, server, program, options.Languages, cancellationToken));
                }
                catch (CapacityRefusedException ex)
                {
                    refused++;
                    Log.SpeakerRefused(logger, ex.Message);
                }
            }

            if (rigs.Count == 0)
            {
                return new SpeakersStep(count, options.Languages.Count, false, $"all {count} refused (CAPACITY_EXCEEDED)", Stats.Empty, Stats.Empty, Stats.Empty, 0, 0, 0, 0, 0, sampler.Read(), Refused: refused);
            }

            await Task.WhenAll(rigs.Select(r => r.WarmUpAsync(ClipSet.Warmup(options), options.FrameMs, cancellationToken)));

            Log.Streaming(logger, rigs[0].Program.Clips.Count, rigs[0].Program.DurationSeconds, count);
            sampler.Mark();
            // Speakers start a quarter second apart, as real ones would not start in the same frame.
            await Task.WhenAll(rigs.Select(async (r, i) =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250 * i), cancellationToken);
                await r.StreamAsync(options.FrameMs, cancellationToken);
            }));
            var resources = sampler.Read();
            var limit = TimeSpan.FromSeconds(Math.Max(30, options.MaxLagSeconds * 6));
            await Task.WhenAll(rigs.Select(r => r.WaitForLastPhraseAsync(limit, cancellationToken)));
            var captures = rigs.Select(r => r.Capture()).ToList();
            var rows = captures.SelectMany(PhraseAnalyzer.Analyse).ToList();
            var step = Evaluate(options, count, rigs, rows, resources) with { FinalTranscriptWer = TranscriptAccuracy.Sum(captures.Select(TranscriptAccuracy.Of)) };
            return refused > 0
                ? step with { Refused = refused, Verdict = $"{step.Verdict}; {refused} refused (CAPACITY_EXCEEDED)" }
                : step;
        }
        finally
        {
            foreach (var r in rigs)
            {
                await r.DisposeAsync();
            }
        }
    }

    private static SpeakersStep Evaluate(BenchOptions options, int count, List<SpeakerRig> rigs, List<PhraseRow> rows, ResourceWindow resources)
    {
        var closing = rows.Where(r => r.ClosesClip).ToList();
        var lag = Stats.Of(closing.Select(r => r.ToCaptionMs ?? double.PositiveInfinity));
        var growth = rigs.Select(rig =>
        {
            var mine = closing.Where(r => r.Speaker == rig.Index && r.ToCaptionMs.HasValue).OrderBy(r => r.ClipIndex).ToList();
            var third = Math.Max(1, mine.Count / 3);
            return mine.Count < 3 ? 0 : mine.TakeLast(third).Average(r => r.ToCaptionMs!.Value) - mine.Take(third).Average(r => r.ToCaptionMs!.Value);
        }).DefaultIfEmpty(0).Max();
        var expected = rigs.Sum(r => r.Program.MeasuredClips.Count());
        var withCaption = LatencyMetrics.ClipsCovered(closing.Where(r => r.ToCaptionMs.HasValue));
        var missingCaptions = closing.Count(r => !r.ToCaptionMs.HasValue);
        var errors = rigs.Sum(r => r.SpeakerErrors.Count());
        var maxLagMs = options.MaxLagSeconds * 1000;
        var verdict = lag.Count == 0 ? "no phrase measured"
            : missingCaptions > 0 ? $"{missingCaptions} final caption(s) never arrived"
            : lag.P90 > maxLagMs ? $"lag p90 {lag.P90:F0} ms exceeds {maxLagMs:F0} ms"
            : growth > 1000 ? $"lag grew by {growth:F0} ms over the run"
            : withCaption < expected * 0.75 ? $"only {withCaption} of {expected} clips produced a caption"
            : errors > 0 ? $"{errors} error(s) sent to speakers"
            : "bounded";
        return new SpeakersStep(count, options.Languages.Count, verdict == "bounded", verdict,
            Stats.Of(closing.Where(r => r.ToCaptionMs.HasValue).Select(r => r.ToCaptionMs!.Value)),
            Stats.Of(closing.Where(r => r.ToAudioMs.HasValue).Select(r => r.ToAudioMs!.Value)),
            Stats.Of(rows.Where(r => r.PartialLagMs.HasValue).Select(r => r.PartialLagMs!.Value)),
            Math.Round(growth, 1), expected, withCaption, errors, Math.Round(rigs.Max(r => r.StreamLateness.TotalMilliseconds), 1), resources,
            LatencyMetrics.Stages(rows));
    }
}
