using System.Threading.RateLimiting;
using Babelcast.Core.Limits;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Hosting;

/// <summary>Token requests per client IP.</summary>
internal sealed class RateLimitTokenPolicy(IFixedWindowCounter counter, IOptions<RateLimitOptions> options, TimeProvider time) : IRateLimiterPolicy<string>
{
    public const string Limit = "token";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.Get(RateLimitPartitions.ClientIp(httpContext), ip => new RateLimitCountedLimiter(counter, Limit, ip, options.Value.Token, time));
}
