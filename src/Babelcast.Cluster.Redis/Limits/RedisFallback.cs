using Microsoft.Extensions.Logging;

namespace Babelcast.Cluster.Redis.Limits;

/// <summary>
/// Failing open for limits: a call that Redis does not answer within <see cref="Budget"/> is counted on this node, and
/// so is every call for <see cref="LocalFor"/> after it, so that an unreachable Redis costs one wait, not one per
/// request. Refusing every client because the counter is away would turn a Redis outage into a total one.
/// </summary>
internal sealed class RedisFallback(string what, TimeProvider time, ILogger logger)
{
    /// <summary>How long one limit check may wait for Redis.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(1);

    /// <summary>How long after a failure checks stay local before Redis is tried again.</summary>
    public static readonly TimeSpan LocalFor = TimeSpan.FromSeconds(5);

    private long _localUntil;
    private int _down;

    /// <summary>True while checks should not try Redis.</summary>
    public bool IsLocal => Volatile.Read(ref _down) == 1 && time.GetTimestamp() < Interlocked.Read(ref _localUntil);

    public void Failed(Exception exception)
    {
        Interlocked.Exchange(ref _localUntil, time.GetTimestamp() + (long)(LocalFor.TotalSeconds * time.TimestampFrequency));
        if (Interlocked.Exchange(ref _down, 1) == 0)
        {
            Log.FellBack(logger, what, exception);
        }
    }

    public void Succeeded()
    {
        if (Volatile.Read(ref _down) == 1 && Interlocked.Exchange(ref _down, 0) == 1)
        {
            Log.Restored(logger, what);
        }
    }
}
