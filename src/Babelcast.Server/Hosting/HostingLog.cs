namespace Babelcast.Server.Hosting;

internal static partial class HostingLog
{
    [LoggerMessage(1300, LogLevel.Error, "Unexpected failure of {Method} {Path} (trace {TraceId})")]
    public static partial void Unexpected(ILogger logger, string method, string path, string traceId, Exception exception);

    [LoggerMessage(1301, LogLevel.Information, "Refused the body of {Method} {Path} with {StatusCode}")]
    public static partial void BadRequest(ILogger logger, string method, string path, int statusCode);
}
