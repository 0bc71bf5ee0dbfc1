namespace Babelcast.Server.Hosting;

public static class RateLimitPartitions
{
    /// <summary>
    /// The partition key for per-IP limits: the connection's remote address (add UseForwardedHeaders in front
    /// when the server runs behind a reverse proxy).
    /// </summary>
    public static string ClientIp(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
