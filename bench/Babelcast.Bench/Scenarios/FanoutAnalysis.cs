using System.Diagnostics;
using Babelcast.Bench.Audio;
using Babelcast.Bench.Clients;
using Babelcast.Bench.Measure;
using Babelcast.Core.Protocol;

namespace Babelcast.Bench.Scenarios;

/// <summary>Turns one fan-out step's arrivals into delivery, latency, memory and error figures.</summary>
internal static class FanoutAnalysis
{
    public static FanoutStep Analyse(
        int count, TimeSpan connect, int connectFailures, ResourceWindow idle, ResourceWindow active, ResourceWindow clients, long baseline,
        SpeakerClient speaker, ListenerPool pool, IReadOnlyDictionary<IListener, int> before, SpeechProgram program, PacedStreamer streamer, long sampleOffset,
        IReadOnlyDictionary<string, ServerFanout> serverFanout)
    {
        var listeners = pool.Listeners;
        var stepArrivals = listeners.Select(l => (Listener: (IListener)l, Arrivals: l.Snapshot().Skip(before.GetValueOrDefault(l)).ToList())).ToList();
        var spread = DeliveryAnalyzer.Spread(stepArrivals);
        var finals = speaker.Messages.Where(m => m.Type == MessageTypes.Transcript && m.Final).ToList();
        var serverEnds = ServerEnds(finals, stepArrivals);
        var queue = DeliveryAnalyzer.QueueToReceive(stepArrivals, serverEnds);
        var queueToRead = DeliveryAnalyzer.QueueToReceive(stepArrivals, serverEnds, read: true);
        var capture = new SpeakerCapture(0, string.Empty, program, streamer, finals, listeners, sampleOffset);
        var rows = PhraseAnalyzer.Analyse(capture);
        var phrases = rows.Select(r => r.Seq).Distinct().ToList();
        var missingCaptions = stepArrivals.Count(s => phrases.Any(p => !s.Arrivals.Any(a => a.Kind == ArrivalKind.FinalCaption && a.Seq == p)));
        var missingAudio = stepArrivals.Count(s => phrases.Any(p => !s.Arrivals.Any(a => a.Kind == ArrivalKind.AudioData && a.Seq == p)));
        var errors = listeners.Where(l => l.ErrorCode is not null).GroupBy(l => l.ErrorCode!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var e in speaker.OfType(MessageTypes.Error))
        {
            var code = "speaker:" + e.Text(MessageFields.Code);
            errors[code] = errors.GetValueOrDefault(code) + 1;
        }

        var connected = listeners.Count;
        var sample = spread["all"];
        var stride = Math.Max(1, sample.Count / 5000);
        return new FanoutStep(
            count,
            Math.Round(connect.TotalSeconds, 1),
            connectFailures,
            idle,
            active,
            Math.Round((idle.RssBytes - baseline) / (double)Math.Max(1, connected)),
            Math.Round((active.PeakRssBytes - baseline) / (double)Math.Max(1, connected)),
            Stats.Of(sample),
            spread.Where(kv => kv.Key != "all").ToDictionary(kv => kv.Key, kv => Stats.Of(kv.Value), StringComparer.Ordinal),
            Stats.Of(queue),
            Stats.Of(queueToRead),
            Stats.Of(rows.Where(r => r.ToCaptionMs.HasValue).Select(r => r.ToCaptionMs!.Value)),
            Stats.Of(rows.Where(r => r.ToAudioMs.HasValue).Select(r => r.ToAudioMs!.Value)),
            phrases.Count,
            missingCaptions,
            missingAudio,
            listeners.Count(l => l.Failed || l.CloseStatus is not null),
            errors,
            stepArrivals.Sum(s => (long)s.Arrivals.Count),
            stepArrivals.Sum(s => s.Arrivals.Sum(a => (long)a.Bytes)),
            clients,
            serverFanout,
            sample.Where((_, i) => i % stride == 0).ToList());
    }

    /// <summary>Per seq, the server's end of speech: the tightest (arrival - sinceSpeechEndMs) bound over every message.</summary>
    private static Dictionary<long, long> ServerEnds(List<ReceivedMessage> finals, List<(IListener Listener, List<Arrival> Arrivals)> arrivals)
    {
        var ends = new Dictionary<long, long>();
        foreach (var f in finals)
        {
            var since = PhraseAnalyzer.Timings(f.Json).GetValueOrDefault("sinceSpeechEndMs", double.NaN);
            if (!double.IsNaN(since))
            {
                ends[f.Seq] = f.ReceivedTimestamp - (long)(since / 1000 * Stopwatch.Frequency);
            }
        }

        foreach (var (_, list) in arrivals)
        {
            foreach (var a in list)
            {
                if (a.Kind is ArrivalKind.FinalCaption or ArrivalKind.AudioHeader && !float.IsNaN(a.ServerMs) && ends.TryGetValue(a.Seq, out var end))
                {
                    ends[a.Seq] = Math.Min(end, a.Timestamp - (long)((double)a.ServerMs / 1000 * Stopwatch.Frequency));
                }
            }
        }

        return ends;
    }
}
