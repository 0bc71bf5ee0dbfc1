namespace Babelcast.Server.Endpoints;

internal static partial class HttpLog
{
    [LoggerMessage(1210, LogLevel.Information, "Token issued to {Username}")]
    public static partial void TokenIssued(ILogger logger, string username);

    [LoggerMessage(1211, LogLevel.Information, "Rejected credentials for {Username}")]
    public static partial void InvalidCredentials(ILogger logger, string username);

    [LoggerMessage(1212, LogLevel.Information, "Session {SessionId} deleted by its owner")]
    public static partial void SessionDeleted(ILogger logger, string sessionId);
}
