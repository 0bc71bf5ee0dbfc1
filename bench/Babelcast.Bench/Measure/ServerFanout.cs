using System.Globalization;
using Babelcast.Core.Diagnostics;

namespace Babelcast.Bench.Measure;

/// <summary>
/// The server's own fan-out time for one message kind over a step: <c>babelcast_fanout_seconds</c> (one message handed
/// to every listener of a language, idle sockets written within it) read from <c>/metrics</c> before and after.
/// Percentiles are bucket-interpolated, so they are as coarse as the buckets (0.5 ms to 2.5 s).
/// </summary>
public sealed record ServerFanout(long Count, double MeanMs, double P50Ms, double P99Ms, double TotalMs)
{
    /// <summary>Per kind (the server's DeliveryKind names) and <c>all</c>: what happened between two scrapes.</summary>
    public static Dictionary<string, ServerFanout> Between(string before, string after)
    {
        var start = Parse(before);
        var end = Parse(after);
        var result = new Dictionary<string, ServerFanout>(StringComparer.Ordinal);
        var all = new SortedDictionary<double, long>();
        long allCount = 0;
        double allSum = 0;
        foreach (var (kind, h) in end)
        {
            var b = start.GetValueOrDefault(kind) ?? new Histogram();
            var buckets = h.Buckets.ToDictionary(kv => kv.Key, kv => kv.Value - b.Buckets.GetValueOrDefault(kv.Key));
            var count = h.Count - b.Count;
            var sum = h.Sum - b.Sum;
            if (count <= 0)
            {
                continue;
            }

            result[kind] = Summarise(buckets, count, sum);
            foreach (var (le, n) in buckets)
            {
                all[le] = all.GetValueOrDefault(le) + n;
            }

            allCount += count;
            allSum += sum;
        }

        if (allCount > 0)
        {
            result["all"] = Summarise(all, allCount, allSum);
        }

        return result;
    }

    private static ServerFanout Summarise(IReadOnlyDictionary<double, long> cumulative, long count, double sum) =>
        new(count, Math.Round(sum / count * 1000, 2), Quantile(cumulative, count, 0.50), Quantile(cumulative, count, 0.99), Math.Round(sum * 1000, 1));

    private static double Quantile(IReadOnlyDictionary<double, long> cumulative, long count, double q)
    {
        var target = q * count;
        double lower = 0;
        long below = 0;
        foreach (var (le, n) in cumulative.OrderBy(kv => kv.Key))
        {
            if (n >= target)
            {
                if (double.IsPositiveInfinity(le))
                {
                    return Math.Round(lower * 1000, 2);
                }

                var share = n == below ? 1 : (target - below) / (n - below);
                return Math.Round((lower + ((le - lower) * share)) * 1000, 2);
            }

            lower = le;
            below = n;
        }

        return Math.Round(lower * 1000, 2);
    }

    private static Dictionary<string, Histogram> Parse(string text)
    {
        var result = new Dictionary<string, Histogram>(StringComparer.Ordinal);
        var name = BabelcastMetrics.FanoutInstrument;
        foreach (var line in text.Split('\n'))
        {
            var k = line.IndexOf("kind=\"", StringComparison.Ordinal);
            if (!line.StartsWith(name, StringComparison.Ordinal) || k < 0)
            {
                continue;
            }

            var kind = line[(k + 6)..line.IndexOf('"', k + 6)];
            var value = double.Parse(line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            if (!result.TryGetValue(kind, out var h))
            {
                result[kind] = h = new Histogram();
            }

            if (line.StartsWith(name + "_bucket", StringComparison.Ordinal))
            {
                var le = line.IndexOf("le=\"", StringComparison.Ordinal) + 4;
                var bound = line[le..line.IndexOf('"', le)];
                h.Buckets[bound == "+Inf" ? double.PositiveInfinity : double.Parse(bound, CultureInfo.InvariantCulture)] = (long)value;
            }
            else if (line.StartsWith(name + "_count", StringComparison.Ordinal))
            {
                h.Count = (long)value;
            }
            else if (line.StartsWith(name + "_sum", StringComparison.Ordinal))
            {
                h.Sum = value;
            }
        }

        return result;
    }

    private sealed class Histogram
    {
        public Dictionary<double, long> Buckets { get; } = [];

        public long Count { get; set; }

        public double Sum { get; set; }
    }
}
