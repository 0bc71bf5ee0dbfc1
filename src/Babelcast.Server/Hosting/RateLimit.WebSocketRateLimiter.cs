using Babelcast.Core.Limits;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Hosting;

internal sealed class WebSocketRateLimiter(IFixedWindowCounter counter, IOptions<RateLimitOptions> options) : IWebSocketRateLimiter
{
    public const string ConnectLimit = "ws-connect";
    public const string JoinLimit = "join";

    public ValueTask<FixedWindowDecision> AcquireConnectAsync(string ip, CancellationToken cancellationToken) =>
        Count(ConnectLimit, ip, options.Value.WebSocketConnect, cancellationToken);

    public ValueTask<FixedWindowDecision> AcquireJoinAsync(string ip, CancellationToken cancellationToken) =>
        Count(JoinLimit, ip, options.Value.Join, cancellationToken);

    private ValueTask<FixedWindowDecision> Count(string limit, string ip, RateLimitWindow window, CancellationToken cancellationToken) =>
        counter.TryAcquireAsync(limit, string.IsNullOrEmpty(ip) ? "unknown" : ip, window.PermitLimit, window.Window, cancellationToken);
}
