namespace Babelcast.Core.Pipeline;

/// <summary>How far apart a session's listeners get partial captions.</summary>
public static class PartialPacing
{
    /// <summary>A partial is never held back longer than this, however large the audience.</summary>
    public const int MaxIntervalMs = 5_000;

    /// <summary>
    /// Every partial is one write per listener, and at 10,000 listeners partials were two thirds of all writes: the
    /// final captions and audio waited behind them. The interval therefore stretches with the audience so that the
    /// session's partial writes stay within <paramref name="deliveriesPerSecond"/> (0 means no limit). Finals and audio
    /// are never thinned; a small audience keeps <paramref name="intervalMs"/>.
    /// </summary>
    public static int IntervalMs(int intervalMs, int audience, int deliveriesPerSecond)
    {
        if (deliveriesPerSecond <= 0 || audience <= 0)
        {
            return intervalMs;
        }

        var budgetMs = (long)audience * 1000 / deliveriesPerSecond;
        return (int)Math.Max(intervalMs, Math.Min(budgetMs, MaxIntervalMs));
    }
}
