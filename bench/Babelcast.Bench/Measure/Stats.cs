namespace Babelcast.Bench.Measure;

/// <summary>Distribution summary in milliseconds (nearest-rank percentiles), with the raw values for charts.</summary>
public sealed record Stats(int Count, double P50, double P90, double P95, double P99, double Max, double Mean, double Min)
{
    public static readonly Stats Empty = new(0, 0, 0, 0, 0, 0, 0, 0);

    public static Stats Of(IEnumerable<double> values)
    {
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        if (sorted.Length == 0)
        {
            return Empty;
        }

        return new Stats(sorted.Length, Rank(sorted, 50), Rank(sorted, 90), Rank(sorted, 95), Rank(sorted, 99), sorted[^1], Math.Round(sorted.Average(), 1), sorted[0]);
    }

    public static double Rank(double[] sorted, double percentile)
    {
        var index = (int)Math.Ceiling(percentile / 100 * sorted.Length) - 1;
        return Math.Round(sorted[Math.Clamp(index, 0, sorted.Length - 1)], 1);
    }

    public string Brief() => Count == 0 ? "no data" : $"p50 {P50:F0} ms, p95 {P95:F0} ms, max {Max:F0} ms (n={Count})";
}
