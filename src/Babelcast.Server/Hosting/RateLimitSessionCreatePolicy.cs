using System.Threading.RateLimiting;
using Babelcast.Server.Auth;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Hosting;

/// <summary>
/// Session creation per speaker. Anonymous requests are not limited here: the endpoint answers them 401
/// without doing any work, and a forged token must not use up a real speaker's quota.
/// </summary>
internal sealed class RateLimitSessionCreatePolicy(IOptions<RateLimitOptions> options) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var userId = SpeakerIdentity.UserId(httpContext.User);
        if (userId is null)
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var window = options.Value.SessionCreate;
        return RateLimitPartition.GetFixedWindowLimiter("user:" + userId, _ => window.ToLimiterOptions());
    }
}
