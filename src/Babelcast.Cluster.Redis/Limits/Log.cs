using Microsoft.Extensions.Logging;

namespace Babelcast.Cluster.Redis.Limits;

internal static partial class Log
{
    [LoggerMessage(9550, LogLevel.Warning, "Redis unreachable for the {What}; counting on this node alone until it answers again (fail open)")]
    public static partial void FellBack(ILogger logger, string what, Exception exception);

    [LoggerMessage(9551, LogLevel.Information, "Redis answers again; the {What} count across nodes again")]
    public static partial void Restored(ILogger logger, string what);
}
