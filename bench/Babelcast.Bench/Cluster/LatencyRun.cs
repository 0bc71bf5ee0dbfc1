using Babelcast.Bench.Audio;
using Babelcast.Bench.Clients;
using Babelcast.Bench.Hosting;
using Babelcast.Bench.Measure;
using Babelcast.Bench.Scenarios;
using Babelcast.Core.Protocol;
using Microsoft.Extensions.Logging;

namespace Babelcast.Bench.Cluster;

/// <summary>
/// The latency measurement of the latency and speakers scenarios against one entry node: N speaker sessions, each
/// with a detailed listener per language, streaming the real clips (speaker i starting at clip 5i) a quarter second
/// apart after a warm-up clip; every phrase measured from the end of speech in the audio.
/// </summary>
public static class LatencyRun
{
    /// <summary>Runs the speakers; <paramref name="whileOpen"/> reads resources after the last phrase, while the sessions are still live.</summary>
    public static async Task<SetupLatency> RunAsync(
        string setup, BenchOptions options, IBenchServer entry, ApiClient api, int speakers, Func<CancellationToken, Task<(IReadOnlyDictionary<string, ResourceWindow>, BackendWindow?)>> whileOpen,
        Func<string, Task<string?>>? owner, ILogger logger, CancellationToken cancellationToken)
    {
        var rigs = new List<SpeakerRig>();
        try
        {
            for (var i = 0; i < speakers; i++)
            {
                rigs.Add(await SpeakerRig.StartAsync(i, api, entry, ClipSet.Program(options, rotate: i * 5), options.Languages, cancellationToken));
            }

            // A worker that claims a session starts its translators for the listeners' languages on the warm-up
            // phrase (the joins warmed the gateway, not the worker): allow it the quiet time that takes on a busy machine.
            await Task.WhenAll(rigs.Select(r => r.WarmUpAsync(ClipSet.Warmup(options), options.FrameMs, cancellationToken, TimeSpan.FromSeconds(30))));
            Log.Streaming(logger, rigs[0].Program.Clips.Count, rigs[0].Program.DurationSeconds, speakers);
            await using var watch = new OwnershipWatch(owner, rigs.Select(r => r.SessionId).ToList());
            await Task.WhenAll(rigs.Select(async (r, i) =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250 * i), cancellationToken);
                await r.StreamAsync(options.FrameMs, cancellationToken);
            }));
            var waited = await Task.WhenAll(rigs.Select(r => r.WaitForLastPhraseAsync(TimeSpan.FromSeconds(60), cancellationToken)));
            if (waited.Any(w => !w))
            {
                Log.IncompleteWait(logger);
            }

            var (processes, backends) = await whileOpen(cancellationToken);
            var moves = await watch.StopAsync();
            var captures = rigs.Select(r => r.Capture()).ToList();
            var rows = captures.SelectMany(PhraseAnalyzer.Analyse).ToList();
            var latency = LatencyMetrics.Latency(rows);
            foreach (var (name, stats) in latency)
            {
                Log.StepResult(logger, $"{setup} {name}", stats.Brief());
            }

            return new SetupLatency(
                setup, speakers, rigs.Sum(r => r.Program.MeasuredClips.Count()), LatencyMetrics.ClipsCovered(rows),
                rows.Select(r => (r.Speaker, r.Seq)).Distinct().Count(), rows.Count(r => r.ToCaptionMs is null), rows.Count(r => r.ToAudioMs is null),
                rigs.Sum(r => r.SpeakerErrors.Count()),
                rigs.SelectMany(r => r.SpeakerErrors).GroupBy(e => e.Text(MessageFields.Code), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
                captures.Sum(Duplicates), moves, TranscriptAccuracy.Sum(captures.Select(TranscriptAccuracy.Of)),
                latency, LatencyMetrics.Stages(rows), processes, backends, rows);
        }
        finally
        {
            foreach (var r in rigs)
            {
                await r.DisposeAsync();
            }
        }
    }

    /// <summary>Finals delivered twice under one seq: at the speaker (a replayed phrase) and at each listener.</summary>
    private static int Duplicates(SpeakerCapture capture)
    {
        var speaker = capture.SpeakerMessages.Where(m => m.Type == MessageTypes.Transcript && m.Final).Select(m => m.Seq).ToList();
        var listeners = capture.Listeners.Sum(l =>
        {
            var seqs = l.Snapshot().Where(a => a.Kind == ArrivalKind.FinalCaption && !a.Replay).Select(a => a.Seq).ToList();
            return seqs.Count - seqs.Distinct().Count();
        });
        return speaker.Count - speaker.Distinct().Count() + listeners;
    }
}
