using Microsoft.Extensions.Options;

namespace Babelcast.Server.Hosting;

internal sealed class WebSocketRateLimiter : IWebSocketRateLimiter
{
    private readonly RateLimitFixedWindowCounter _connect;
    private readonly RateLimitFixedWindowCounter _join;

    public WebSocketRateLimiter(IOptions<RateLimitOptions> options, TimeProvider time)
    {
        _connect = new RateLimitFixedWindowCounter(options.Value.WebSocketConnect, time);
        _join = new RateLimitFixedWindowCounter(options.Value.Join, time);
    }

    public bool TryAcquireConnect(string ip, out TimeSpan retryAfter) => _connect.TryAcquire(Key(ip), out retryAfter);

    public bool TryAcquireJoin(string ip, out TimeSpan retryAfter) => _join.TryAcquire(Key(ip), out retryAfter);

    private static string Key(string ip) => string.IsNullOrEmpty(ip) ? "unknown" : ip;
}
