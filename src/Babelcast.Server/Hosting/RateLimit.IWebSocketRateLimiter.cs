namespace Babelcast.Server.Hosting;

/// <summary>Per-IP limits for the WebSocket endpoints, which the HTTP rate-limiting middleware does not see per message.</summary>
public interface IWebSocketRateLimiter
{
    /// <summary>One WebSocket upgrade (speaker or listener) from <paramref name="ip"/>; false with the wait when over the limit.</summary>
    bool TryAcquireConnect(string ip, out TimeSpan retryAfter);

    /// <summary>One listener join from <paramref name="ip"/>; false with the wait when over the limit.</summary>
    bool TryAcquireJoin(string ip, out TimeSpan retryAfter);
}
