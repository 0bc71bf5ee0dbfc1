using Microsoft.Extensions.Logging.Testing;

namespace Babelcast.Testing;

/// <summary>Waits on log records as events: a test waits for the record that proves a step happened instead of sleeping.</summary>
public static class LogWaits
{
    /// <summary>Waits for the <paramref name="occurrence"/>-th record (counting those already collected) that satisfies <paramref name="predicate"/>.</summary>
    public static async Task<FakeLogRecord> WaitForAsync(this FakeLogCollector collector, Func<FakeLogRecord, bool> predicate, TimeSpan timeout, int occurrence = 1)
    {
        using var cts = new CancellationTokenSource(timeout);
        var seen = 0;
        try
        {
            await foreach (var record in collector.GetLogsAsync(cts.Token))
            {
                if (predicate(record) && ++seen == occurrence)
                {
                    return record;
                }
            }
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
        }

        throw new TimeoutException($"Log record {occurrence} not written within {timeout} ({seen} matching of {collector.Count}).");
    }

    /// <summary>How many records collected so far satisfy <paramref name="predicate"/>.</summary>
    public static int CountOf(this FakeLogCollector collector, Func<FakeLogRecord, bool> predicate) =>
        collector.GetSnapshot().Count(predicate);
}
