using System.Collections.Concurrent;

namespace Babelcast.Core.Limits;

/// <summary>
/// The embedded counter: one table of fixed windows per limit, on the injected clock. Also the fallback of a shared
/// counter whose store is unreachable.
/// </summary>
public sealed class InProcessFixedWindowCounter(TimeProvider time) : IFixedWindowCounter
{
    private readonly ConcurrentDictionary<string, FixedWindowTable> _limits = new(StringComparer.Ordinal);

    public ValueTask<FixedWindowDecision> TryAcquireAsync(string limit, string partition, int permitLimit, TimeSpan window, CancellationToken cancellationToken) =>
        ValueTask.FromResult(TryAcquire(limit, partition, permitLimit, window));

    /// <summary>The synchronous form of <see cref="TryAcquireAsync"/>.</summary>
    public FixedWindowDecision TryAcquire(string limit, string partition, int permitLimit, TimeSpan window)
    {
        var table = _limits.GetOrAdd(limit, static (_, state) => new FixedWindowTable(state.window, state.time), (window, time));
        return table.TryAcquire(partition, permitLimit);
    }
}
