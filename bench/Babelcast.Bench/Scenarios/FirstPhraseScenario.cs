using Babelcast.Bench.Audio;
using Babelcast.Bench.Hosting;
using Babelcast.Bench.Measure;
using Babelcast.Bench.Reporting;
using Babelcast.Core.Protocol;
using Microsoft.Extensions.Logging;

namespace Babelcast.Bench.Scenarios;

/// <summary>
/// Scenario 5: the first phrase of fresh sessions. For each of N sessions in a row: create the session, connect the
/// speaker and one listener per language, and stream a clip at once (no warm-up clip), optionally while other
/// sessions stream; measures end of speech to the first translated audio byte of each session's first phrase, which
/// pays for whatever is still cold (decoders, translation pipelines, voices, JIT). Measurement is the latency
/// scenario's (<see cref="SpeakerRig"/>, <see cref="PhraseAnalyzer"/>).
/// </summary>
public static class FirstPhraseScenario
{
    public const double BarMs = 1000;

    public static async Task<BenchOutcome> RunAsync(BenchOptions options, MachineInfo machine, ILogger logger, CancellationToken cancellationToken)
    {
        var clips = ClipSet.For(options).Clips;
        await using var server = await BenchRunner.StartServerAsync(options, 100, logger, cancellationToken);
        using var api = new ApiClient(server);
        await api.LoginAsync(cancellationToken);
        var busy = new List<SpeakerRig>();
        using var stopBusy = new CancellationTokenSource();
        var busyLoops = new List<Task>();
        var rows = new List<PhraseRow>();
        var errors = new List<string>();
        try
        {
            for (var k = 0; k < options.Busy; k++)
            {
                busy.Add(await SpeakerRig.StartAsync(1000 + k, api, server, ClipSet.Program(options, rotate: k * 5), options.Languages, cancellationToken));
            }

            await Task.WhenAll(busy.Select(r => r.WarmUpAsync(ClipSet.Warmup(options), options.FrameMs, cancellationToken)));
            busyLoops.AddRange(busy.Select(r => StreamUntilStoppedAsync(r, options.FrameMs, stopBusy.Token)));
            for (var i = 0; i < options.Sessions; i++)
            {
                var clip = clips[i % clips.Count];
                var program = SpeechProgram.Build([], [clip], GapPlan.Fixed(TimeSpan.FromSeconds(options.PauseSeconds)), TimeSpan.FromMilliseconds(LeadInMs));
                var first = await RunSessionAsync(i, api, server, program, options, errors, cancellationToken);
                rows.AddRange(first);
                Log.StepResult(logger, $"session {i + 1}", string.Join(", ", first.Select(r => $"{r.Language} {Markdown.Ms(r.ToAudioMs)}")));
            }
        }
        finally
        {
            await stopBusy.CancelAsync();
            await Task.WhenAll(busyLoops);
            foreach (var r in busy)
            {
                await r.DisposeAsync();
            }
        }

        var result = Result(options, machine, server.Isolated, rows, errors);
        Log.StepResult(logger, "first phrase", result.FirstAudio.Brief());
        var svg = SvgChart.Cdf(
            $"First phrase of {options.Sessions} fresh sessions, {options.Languages.Count} languages, {options.Busy} busy",
            "milliseconds from end of speech",
            [new ChartSeries("end -> first audio byte", rows.Select(r => r.ToAudioMs).OfType<double>().ToList())],
            [("bar 1000", BarMs)]);
        var markdown = FirstPhraseReport.Render(result, ReportFiles.SvgName(options, "cdf"));
        var outcome = await ReportFiles.WriteAsync(options, result, markdown, new Dictionary<string, string> { ["cdf"] = svg }, cancellationToken);
        Log.Wrote(logger, outcome.JsonPath, outcome.MarkdownPath);
        return outcome;
    }

    /// <summary>A speaker starts talking a quarter second after the page has connected.</summary>
    private const int LeadInMs = 250;

    /// <summary>One fresh session; returns its first phrase's rows (one per listener language).</summary>
    private static async Task<List<PhraseRow>> RunSessionAsync(
        int index, ApiClient api, IBenchServer server, SpeechProgram program, BenchOptions options, List<string> errors, CancellationToken cancellationToken)
    {
        await using var rig = await SpeakerRig.StartAsync(index, api, server, program, options.Languages, cancellationToken);
        await rig.StreamAsync(options.FrameMs, cancellationToken);
        await rig.WaitForLastPhraseAsync(TimeSpan.FromSeconds(60), cancellationToken);
        errors.AddRange(rig.SpeakerErrors.Select(e => $"{e.Text(MessageFields.Code)}: {e.Text(MessageFields.Message)}"));
        var all = PhraseAnalyzer.Analyse(rig.Capture());
        var firstSeq = all.Select(r => (long?)r.Seq).Min();
        return all.Where(r => r.Seq == firstSeq).ToList();
    }

    private static async Task StreamUntilStoppedAsync(SpeakerRig rig, int frameMs, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await rig.StreamAsync(frameMs, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped after the measured sessions.
        }
    }

    private static FirstPhraseResult Result(BenchOptions options, MachineInfo machine, bool isolated, List<PhraseRow> rows, List<string> errors)
    {
        var bySession = rows.GroupBy(r => r.Speaker).ToList();
        var complete = bySession.Where(g => g.Count(r => r.ToAudioMs.HasValue) == options.Languages.Count).ToList();
        var all = Stats.Of(rows.Where(r => r.ToAudioMs.HasValue).Select(r => r.ToAudioMs!.Value));
        var worst = Stats.Of(complete.Select(g => g.Max(r => r.ToAudioMs!.Value)));
        var everyOne = complete.Count == options.Sessions;
        List<TargetCheck> targets =
        [
            new("First phrase: end of speech to first translated audio byte, p50 (slowest language)", "<= 1000 ms", Markdown.Ms(worst.P50), everyOne && worst.P50 <= BarMs),
            new("First phrase: end of speech to first translated audio byte, max", "<= 1000 ms",
                everyOne ? Markdown.Ms(worst.Max) : $"{options.Sessions - complete.Count} session(s) without audio", everyOne && worst.Max <= BarMs),
        ];
        return new FirstPhraseResult(
            "first", options.Smoke, BenchRunner.CommandLine(options), machine.WithEnd(), isolated, options.FrameMs, options.Languages,
            options.Sessions, options.Busy, complete.Count, all, worst, LatencyMetrics.Stages(rows), targets, errors, rows);
    }
}
