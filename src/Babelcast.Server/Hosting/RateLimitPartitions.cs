namespace Babelcast.Server.Hosting;

public static class RateLimitPartitions
{
    /// <summary>
    /// The partition key for per-IP limits: the connection's remote address, which is the client's address from
    /// X-Forwarded-For when the request came through a configured proxy (<see cref="ReverseProxyOptions"/>).
    /// </summary>
    public static string ClientIp(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
