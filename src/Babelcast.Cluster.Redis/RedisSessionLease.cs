using Babelcast.Core.Cluster;

namespace Babelcast.Cluster.Redis;

/// <summary>
/// One held lease. Its local deadline moves forward with each renewal that Redis acknowledged; when the deadline passes
/// first, <see cref="Lost"/> is cancelled: this node cannot know that nobody else took the session, so it stops.
/// </summary>
internal sealed class RedisSessionLease : ISessionLease, IDisposable
{
    private readonly CancellationTokenSource _lost = new();
    private readonly ITimer _deadline;
    private readonly Lock _gate = new();

    public RedisSessionLease(string sessionId, long generation, string owner, TimeSpan validFor, TimeProvider time)
    {
        SessionId = sessionId;
        Generation = generation;
        Owner = owner;
        // An acquisition that took longer than the lease's trusted time yields a lease that is lost at once.
        var due = validFor < TimeSpan.Zero ? TimeSpan.Zero : validFor;
        _deadline = time.CreateTimer(static state => ((RedisSessionLease)state!).MarkLost(), this, due, Timeout.InfiniteTimeSpan);
    }

    public string SessionId { get; }

    public long Generation { get; }

    /// <summary>The value stored in the lease key: node id and generation.</summary>
    public string Owner { get; }

    public CancellationToken Lost => _lost.Token;

    public bool IsLost => _lost.IsCancellationRequested;

    /// <summary>A renewal sent <paramref name="remaining"/> before its expiry was acknowledged: push the deadline.</summary>
    public void Extend(TimeSpan remaining)
    {
        lock (_gate)
        {
            if (!_lost.IsCancellationRequested)
            {
                _deadline.Change(remaining < TimeSpan.Zero ? TimeSpan.Zero : remaining, Timeout.InfiniteTimeSpan);
            }
        }
    }

    public void MarkLost()
    {
        lock (_gate)
        {
            if (!_lost.IsCancellationRequested)
            {
                _deadline.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                _lost.Cancel();
            }
        }
    }

    public void Dispose()
    {
        _deadline.Dispose();
        _lost.Dispose();
    }
}
