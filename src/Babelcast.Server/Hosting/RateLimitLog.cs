namespace Babelcast.Server.Hosting;

internal static partial class RateLimitLog
{
    [LoggerMessage(1200, LogLevel.Information, "Rate limit exceeded on {Path} from {ClientIp}; retry after {RetryAfterSeconds} s")]
    public static partial void Rejected(ILogger logger, string path, string clientIp, int retryAfterSeconds);
}
