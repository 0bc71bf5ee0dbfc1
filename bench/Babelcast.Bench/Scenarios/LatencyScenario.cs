using Babelcast.Bench.Audio;
using Babelcast.Bench.Hosting;
using Babelcast.Bench.Measure;
using Babelcast.Bench.Reporting;
using Babelcast.Core.Protocol;
using Microsoft.Extensions.Logging;

namespace Babelcast.Bench.Scenarios;

/// <summary>
/// Scenario 1: one speaker streams the real clips at real-time pace with fixed pauses or natural gaps; one listener
/// per language. Measures end of speech (from the audio) to the final transcript, final caption and first audio byte,
/// speech onset to the first partial caption, and the word error rate of the final transcripts.
/// </summary>
public static class LatencyScenario
{
    public static async Task<BenchOutcome> RunAsync(BenchOptions options, MachineInfo machine, ILogger logger, CancellationToken cancellationToken)
    {
        var program = ClipSet.Program(options);
        await using var server = await BenchRunner.StartServerAsync(options, 100, logger, cancellationToken);
        using var api = new ApiClient(server);
        await api.LoginAsync(cancellationToken);
        await using var sampler = new ResourceSampler(server.ProcessId);
        await using var rig = await SpeakerRig.StartAsync(0, api, server, program, options.Languages, cancellationToken);
        await rig.WarmUpAsync(ClipSet.Warmup(options), options.FrameMs, cancellationToken);
        Log.Streaming(logger, program.Clips.Count, program.DurationSeconds, 1);
        sampler.Mark();
        await rig.StreamAsync(options.FrameMs, cancellationToken);
        if (!await rig.WaitForLastPhraseAsync(TimeSpan.FromSeconds(120), cancellationToken))
        {
            Log.IncompleteWait(logger);
        }

        var resources = sampler.Read();
        var capture = rig.Capture();
        foreach (var final in capture.SpeakerMessages.Where(m => m.Type == MessageTypes.Transcript && m.Final))
        {
            Log.FinalTranscript(logger, 0, final.Json.GetRawText());
        }

        var rows = PhraseAnalyzer.Analyse(capture);
        var latency = LatencyMetrics.Latency(rows);
        var accuracy = TranscriptAccuracy.Of(capture);
        var gaps = GapPlan.For(options);
        var result = new LatencyResult(
            "latency", options.Smoke, BenchRunner.CommandLine(options), machine.WithEnd(), server.Isolated, options.FrameMs, options.PauseSeconds,
            gaps.Name, gaps.Seed, [.. program.GapSeconds.Select(g => Math.Round(g, 2))],
            options.Languages, program.MeasuredClips.Count(), LatencyMetrics.ClipsCovered(rows), LatencyMetrics.MergedPhrases(rows), accuracy,
            Math.Round(program.DurationSeconds, 1),
            latency, LatencyMetrics.Latency(rows.Where(r => r.ClosesClip).ToList()), LatencyMetrics.Stages(rows), LatencyMetrics.ByLanguage(rows), Targets(latency), resources,
            Math.Round(rig.StreamLateness.TotalMilliseconds, 1),
            rig.SpeakerErrors.Select(e => $"{e.Text(MessageFields.Code)}: {e.Text(MessageFields.Message)}").ToList(), rig.MessageCounts(), rows);
        foreach (var (name, stats) in latency)
        {
            Log.StepResult(logger, name, stats.Brief());
        }

        Log.StepResult(logger, "final transcript WER", accuracy.Brief());

        var svg = SvgChart.Cdf(
            $"Latency, {result.ClipsWithFinal} clips, {options.Languages.Count} languages",
            "milliseconds (from end of speech; partial lag from onset)",
            [
                new ChartSeries("end -> final transcript", rows.GroupBy(r => r.Seq).Select(g => g.First().ToTranscriptMs).OfType<double>().ToList()),
                new ChartSeries("end -> final caption", rows.Select(r => r.ToCaptionMs).OfType<double>().ToList()),
                new ChartSeries("end -> first audio byte", rows.Select(r => r.ToAudioMs).OfType<double>().ToList()),
                new ChartSeries("onset -> first partial caption", rows.Select(r => r.PartialLagMs).OfType<double>().ToList()),
            ],
            [("caption p50 bar 500", 500), ("audio p50 bar 800", 800), ("audio p95 bar 1500", 1500)]);
        var markdown = LatencyReport.Render(result, ReportFiles.SvgName(options, "cdf"));
        var outcome = await ReportFiles.WriteAsync(options, result, markdown, new Dictionary<string, string> { ["cdf"] = svg }, cancellationToken);
        Log.Wrote(logger, outcome.JsonPath, outcome.MarkdownPath);
        return outcome;
    }

    public static List<TargetCheck> Targets(IReadOnlyDictionary<string, Stats> latency)
    {
        var audio = latency[LatencyMetrics.ToAudio];
        var caption = latency[LatencyMetrics.ToCaption];
        var partial = latency[LatencyMetrics.PartialLag];
        return
        [
            new("Phrase end to first translated audio byte, p50", "<= 800 ms", Markdown.Ms(audio.P50), audio.Count > 0 && audio.P50 <= 800),
            new("Phrase end to first translated audio byte, p95", "<= 1500 ms", Markdown.Ms(audio.P95), audio.Count > 0 && audio.P95 <= 1500),
            new("Phrase end to final translated caption, p50", "<= 500 ms", Markdown.Ms(caption.P50), caption.Count > 0 && caption.P50 <= 500),
            new("Partial caption lag, p50", "<= 400 ms", Markdown.Ms(partial.P50), partial.Count > 0 && partial.P50 <= 400),
        ];
    }
}
