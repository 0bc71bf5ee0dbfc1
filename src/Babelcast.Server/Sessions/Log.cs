using Babelcast.Core.Storage;

namespace Babelcast.Server.Sessions;

internal static partial class Log
{
    [LoggerMessage(1100, LogLevel.Information, "Session {SessionId} created (source {SourceLanguage}, id attempt {Attempt})")]
    public static partial void SessionCreated(ILogger logger, string sessionId, string sourceLanguage, int attempt);

    [LoggerMessage(1101, LogLevel.Error, "No free session id after {Attempts} attempts")]
    public static partial void SessionIdsExhausted(ILogger logger, int attempts);

    [LoggerMessage(1102, LogLevel.Information, "Session {SessionId} is now {Status}")]
    public static partial void SessionStatusChanged(ILogger logger, string sessionId, SessionStatus status);

    [LoggerMessage(1103, LogLevel.Information, "Session {SessionId} ended: {Reason}")]
    public static partial void SessionEnded(ILogger logger, string sessionId, string reason);

    [LoggerMessage(1104, LogLevel.Information, "Session {SessionId} expired ({Cause})")]
    public static partial void SessionExpired(ILogger logger, string sessionId, string cause);

    [LoggerMessage(1105, LogLevel.Error, "Session expiry sweep failed")]
    public static partial void SweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(1106, LogLevel.Debug, "Session expiry sweep done: {Ended} ended")]
    public static partial void SweepDone(ILogger logger, int ended);

    [LoggerMessage(1107, LogLevel.Information, "Session {SessionId} quality tier is now {Tier}")]
    public static partial void SessionTierChanged(ILogger logger, string sessionId, string tier);

    [LoggerMessage(1108, LogLevel.Warning, "Session {SessionId}: the quality tier could not be read; the phrase uses the standard engines")]
    public static partial void TierReadFailed(ILogger logger, string sessionId, Exception exception);
}
