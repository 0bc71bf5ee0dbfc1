namespace Babelcast.Server.Endpoints;

internal static partial class HttpLog
{
    [LoggerMessage(1210, LogLevel.Information, "Token issued to {Username}")]
    public static partial void TokenIssued(ILogger logger, string username);

    [LoggerMessage(1211, LogLevel.Information, "Rejected credentials for {Username}")]
    public static partial void InvalidCredentials(ILogger logger, string username);

    [LoggerMessage(1212, LogLevel.Information, "Session {SessionId} deleted by its owner")]
    public static partial void SessionDeleted(ILogger logger, string sessionId);

    [LoggerMessage(1213, LogLevel.Information, "Session {SessionId}: {UserId} invited as a co-operator")]
    public static partial void OperatorInvited(ILogger logger, string sessionId, string userId);

    [LoggerMessage(1214, LogLevel.Information, "Session {SessionId}: co-operator {UserId} revoked")]
    public static partial void OperatorRevoked(ILogger logger, string sessionId, string userId);

    [LoggerMessage(1215, LogLevel.Information, "Session {SessionId}: co-operator invitation refused ({Code})")]
    public static partial void OperatorInviteRefused(ILogger logger, string sessionId, string code);
}
