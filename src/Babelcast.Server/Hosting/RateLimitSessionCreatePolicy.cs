using System.Threading.RateLimiting;
using Babelcast.Core.Limits;
using Babelcast.Server.Auth;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Hosting;

/// <summary>
/// Session creation per speaker. Anonymous requests are not limited here: the endpoint answers them 401
/// without doing any work, and a forged token must not use up a real speaker's quota.
/// </summary>
internal sealed class RateLimitSessionCreatePolicy(IFixedWindowCounter counter, IOptions<RateLimitOptions> options, TimeProvider time) : IRateLimiterPolicy<string>
{
    public const string Limit = "session-create";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var userId = SpeakerIdentity.UserId(httpContext.User);
        if (userId is null)
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        return RateLimitPartition.Get("user:" + userId, key => new RateLimitCountedLimiter(counter, Limit, key, options.Value.SessionCreate, time));
    }
}
