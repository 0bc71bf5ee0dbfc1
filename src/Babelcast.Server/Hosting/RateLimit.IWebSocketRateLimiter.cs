using Babelcast.Core.Limits;

namespace Babelcast.Server.Hosting;

/// <summary>
/// Per-IP limits for the WebSocket endpoints, which the HTTP rate-limiting middleware does not see per message. Counted
/// by the registered <see cref="IFixedWindowCounter"/>: in process (completing synchronously), or shared by a cluster.
/// </summary>
public interface IWebSocketRateLimiter
{
    /// <summary>One WebSocket upgrade (speaker or listener) from <paramref name="ip"/>; refused with the wait when over the limit.</summary>
    ValueTask<FixedWindowDecision> AcquireConnectAsync(string ip, CancellationToken cancellationToken);

    /// <summary>One listener join from <paramref name="ip"/>; refused with the wait when over the limit.</summary>
    ValueTask<FixedWindowDecision> AcquireJoinAsync(string ip, CancellationToken cancellationToken);
}
