using System.Diagnostics;

namespace Babelcast.Bench.Measure;

/// <summary>
/// Waits for the tail of a run: done once <c>complete</c> holds and nothing new arrived for a second; gives up when
/// nothing at all arrived for <c>giveUpQuiet</c> (the server will not send more) or at <c>limit</c>.
/// </summary>
public static class CompletionWaiter
{
    public static async Task<bool> WaitAsync(Func<bool> complete, Func<long> received, TimeSpan giveUpQuiet, TimeSpan limit, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        var quiet = Stopwatch.StartNew();
        var last = -1L;
        while (waited.Elapsed < limit)
        {
            var now = received();
            if (now != last)
            {
                last = now;
                quiet.Restart();
            }

            if (complete() && quiet.Elapsed >= TimeSpan.FromSeconds(1))
            {
                return true;
            }

            if (quiet.Elapsed >= giveUpQuiet)
            {
                return false;
            }

            await Task.Delay(200, cancellationToken);
        }

        return false;
    }
}
