using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Hosting;

/// <summary>Token requests per client IP.</summary>
internal sealed class RateLimitTokenPolicy(IOptions<RateLimitOptions> options) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var window = options.Value.Token;
        return RateLimitPartition.GetFixedWindowLimiter(RateLimitPartitions.ClientIp(httpContext), _ => window.ToLimiterOptions());
    }
}
