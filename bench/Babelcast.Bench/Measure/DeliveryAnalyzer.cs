using System.Diagnostics;
using Babelcast.Bench.Clients;

namespace Babelcast.Bench.Measure;

/// <summary>
/// Fan-out delivery delay. Spread: the same message (same language, kind, seq and occurrence) reaches many listeners;
/// each listener's delay is measured from the first listener that got it. Queue-to-receive: for final captions and
/// audio, from the moment the server serialised the message (its <c>sinceSpeechEndMs</c> added to the server's end of
/// speech, which the speaker's transcript reveals) to the listener's first byte; both clocks are CLOCK_MONOTONIC.
/// </summary>
public static class DeliveryAnalyzer
{
    public static Dictionary<string, List<double>> Spread(IReadOnlyList<(IListener Listener, List<Arrival> Arrivals)> listeners)
    {
        var byKey = new Dictionary<(string, ArrivalKind, long, int), List<long>>();
        foreach (var (listener, arrivals) in listeners)
        {
            var occurrences = new Dictionary<(ArrivalKind, long), int>();
            foreach (var a in arrivals)
            {
                if (a.Replay || a.Kind is not (ArrivalKind.PartialCaption or ArrivalKind.FinalCaption or ArrivalKind.AudioHeader or ArrivalKind.AudioData))
                {
                    continue;
                }

                var n = occurrences.GetValueOrDefault((a.Kind, a.Seq));
                occurrences[(a.Kind, a.Seq)] = n + 1;
                var key = (listener.Language, a.Kind, a.Seq, n);
                if (!byKey.TryGetValue(key, out var list))
                {
                    byKey[key] = list = [];
                }

                list.Add(a.Timestamp);
            }
        }

        var result = new Dictionary<string, List<double>>(StringComparer.Ordinal) { ["all"] = [] };
        foreach (var ((_, kind, _, _), stamps) in byKey)
        {
            var first = stamps.Min();
            var name = kind.ToString();
            if (!result.TryGetValue(name, out var list))
            {
                result[name] = list = [];
            }

            foreach (var t in stamps)
            {
                var ms = Stopwatch.GetElapsedTime(first, t).TotalMilliseconds;
                list.Add(ms);
                result["all"].Add(ms);
            }
        }

        return result;
    }

    /// <summary>
    /// Server serialisation to listener receipt, for final captions and audio (headers and MP3 frames): to the first
    /// byte's arrival, or with <paramref name="read"/> to when the client's code read it.
    /// </summary>
    public static List<double> QueueToReceive(IReadOnlyList<(IListener Listener, List<Arrival> Arrivals)> listeners, IReadOnlyDictionary<long, long> serverSpeechEndBySeq, bool read = false)
    {
        var result = new List<double>();
        foreach (var (_, arrivals) in listeners)
        {
            foreach (var a in arrivals)
            {
                if (!a.Replay && a.Kind is ArrivalKind.FinalCaption or ArrivalKind.AudioHeader or ArrivalKind.AudioData
                    && !float.IsNaN(a.ServerMs) && serverSpeechEndBySeq.TryGetValue(a.Seq, out var end))
                {
                    var queued = end + (long)((double)a.ServerMs / 1000 * Stopwatch.Frequency);
                    result.Add(Stopwatch.GetElapsedTime(queued, read ? a.Read : a.Timestamp).TotalMilliseconds);
                }
            }
        }

        return result;
    }
}
