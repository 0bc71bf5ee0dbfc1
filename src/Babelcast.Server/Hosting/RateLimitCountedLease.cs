using System.Threading.RateLimiting;

namespace Babelcast.Server.Hosting;

/// <summary>A lease of <see cref="RateLimitCountedLimiter"/>: granted, or refused with the time until the window ends.</summary>
internal sealed class RateLimitCountedLease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
{
    public static readonly RateLimitCountedLease Granted = new(true, null);

    /// <summary>The synchronous attempt's answer: not granted, and without a wait, since nothing was counted.</summary>
    public static readonly RateLimitCountedLease NotAttempted = new(false, null);

    public override bool IsAcquired => acquired;

    public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

    public static RateLimitCountedLease Refused(TimeSpan retryAfter) => new(false, retryAfter);

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        if (retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name)
        {
            metadata = wait;
            return true;
        }

        metadata = null;
        return false;
    }
}
