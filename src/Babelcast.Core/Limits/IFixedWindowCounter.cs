namespace Babelcast.Core.Limits;

/// <summary>
/// Counts requests in fixed windows per limit and partition (e.g. limit "token", partition a client IP): the store
/// behind every rate limit. Embedded, the counts live in this process (<see cref="InProcessFixedWindowCounter"/>); in
/// a cluster they live in a store all nodes share, so that a client gets the limit once, not once per node.
/// </summary>
public interface IFixedWindowCounter
{
    /// <summary>
    /// Counts one request of <paramref name="partition"/> under <paramref name="limit"/>; refused, with the time until
    /// its window ends, when the window already holds <paramref name="permitLimit"/>. Completes synchronously in process.
    /// </summary>
    ValueTask<FixedWindowDecision> TryAcquireAsync(string limit, string partition, int permitLimit, TimeSpan window, CancellationToken cancellationToken);
}
