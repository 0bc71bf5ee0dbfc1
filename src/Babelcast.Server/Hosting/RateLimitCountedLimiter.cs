using System.Threading.RateLimiting;
using Babelcast.Core.Limits;

namespace Babelcast.Server.Hosting;

/// <summary>
/// An endpoint policy's limiter for one partition, counting through the registered <see cref="IFixedWindowCounter"/>
/// so that a cluster counts its requests on every node together. The count may need a round trip, so the synchronous
/// attempt never grants: the rate-limiting middleware then awaits <see cref="AcquireAsyncCore"/>, which completes
/// synchronously in process.
/// </summary>
internal sealed class RateLimitCountedLimiter(IFixedWindowCounter counter, string limit, string partition, RateLimitWindow window, TimeProvider time)
    : RateLimiter
{
    private long _lastUsed = time.GetTimestamp();

    /// <summary>The partitioned limiter drops a partition idle for a while; the counts are kept by the counter.</summary>
    public override TimeSpan? IdleDuration => time.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => RateLimitCountedLease.NotAttempted;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsed, time.GetTimestamp());
        if (permitCount == 0)
        {
            return RateLimitCountedLease.Granted;
        }

        var decision = await counter.TryAcquireAsync(limit, partition, window.PermitLimit, window.Window, cancellationToken);
        return decision.Acquired ? RateLimitCountedLease.Granted : RateLimitCountedLease.Refused(decision.RetryAfter);
    }
}
