using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Hosting;

internal sealed class WebSocketRateLimiter : IWebSocketRateLimiter, IDisposable
{
    private readonly PartitionedRateLimiter<string> _connect;
    private readonly PartitionedRateLimiter<string> _join;
    private readonly RateLimitOptions _options;

    public WebSocketRateLimiter(IOptions<RateLimitOptions> options)
    {
        _options = options.Value;
        _connect = Create(_options.WebSocketConnect);
        _join = Create(_options.Join);
    }

    public bool TryAcquireConnect(string ip, out TimeSpan retryAfter) => TryAcquire(_connect, _options.WebSocketConnect, ip, out retryAfter);

    public bool TryAcquireJoin(string ip, out TimeSpan retryAfter) => TryAcquire(_join, _options.Join, ip, out retryAfter);

    public void Dispose()
    {
        _connect.Dispose();
        _join.Dispose();
    }

    private static PartitionedRateLimiter<string> Create(RateLimitWindow window) =>
        PartitionedRateLimiter.Create<string, string>(ip => RateLimitPartition.GetFixedWindowLimiter(ip, _ => window.ToLimiterOptions()));

    private static bool TryAcquire(PartitionedRateLimiter<string> limiter, RateLimitWindow window, string ip, out TimeSpan retryAfter)
    {
        using var lease = limiter.AttemptAcquire(string.IsNullOrEmpty(ip) ? "unknown" : ip);
        if (lease.IsAcquired)
        {
            retryAfter = TimeSpan.Zero;
            return true;
        }

        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.Zero ? wait : window.Window;
        return false;
    }
}
