namespace Babelcast.Server.WebSockets;

internal static partial class Log
{
    [LoggerMessage(5000, LogLevel.Information, "Speaker connected to session {SessionId}")]
    public static partial void SpeakerConnected(ILogger logger, string sessionId);

    [LoggerMessage(5001, LogLevel.Information, "Speaker left session {SessionId}")]
    public static partial void SpeakerLeft(ILogger logger, string sessionId);

    [LoggerMessage(5002, LogLevel.Debug, "Listener joined session {SessionId} in {Language}")]
    public static partial void ListenerJoined(ILogger logger, string sessionId, string language);

    [LoggerMessage(5003, LogLevel.Debug, "Listener left session {SessionId}")]
    public static partial void ListenerLeft(ILogger logger, string sessionId);

    [LoggerMessage(5004, LogLevel.Information, "WebSocket refused on {Path}: {Code}")]
    public static partial void Refused(ILogger logger, string path, string code);

    [LoggerMessage(5005, LogLevel.Information, "WebSocket error on {Path} for session {SessionId}: {Code}")]
    public static partial void ClientError(ILogger logger, string path, string sessionId, string code);

    [LoggerMessage(5006, LogLevel.Warning, "Listener of session {SessionId} is too slow and is disconnected")]
    public static partial void SlowConsumer(ILogger logger, string sessionId);

    [LoggerMessage(5007, LogLevel.Information, "Session {SessionId} ended: {Reason}")]
    public static partial void SessionEnded(ILogger logger, string sessionId, string reason);

    [LoggerMessage(5008, LogLevel.Debug, "WebSocket of session {SessionId} closed abruptly")]
    public static partial void SocketAborted(ILogger logger, string sessionId, Exception exception);

    [LoggerMessage(5009, LogLevel.Warning, "Session {SessionId}: storing the {What} failed; the live session goes on without it")]
    public static partial void StoreWriteFailed(ILogger logger, string sessionId, string what, Exception exception);

    [LoggerMessage(5010, LogLevel.Warning, "Session {SessionId}: resyncing a listener from the store failed; it catches up with its next resume")]
    public static partial void ResyncFailed(ILogger logger, string sessionId, Exception exception);

    [LoggerMessage(5011, LogLevel.Error, "Session {SessionId}: the speaker was refused, the cluster cannot take the session's audio")]
    public static partial void ClusterUnavailable(ILogger logger, string sessionId, Exception exception);

    [LoggerMessage(5020, LogLevel.Information, "Session {SessionId}: the speaker's frames {From} to {To} never arrived (the client dropped them); the audio goes on from {Next}")]
    public static partial void AudioGap(ILogger logger, string sessionId, long from, long to, long next);

    [LoggerMessage(5030, LogLevel.Information, "Co-operator {UserId} connected to session {SessionId}")]
    public static partial void OperatorConnected(ILogger logger, string sessionId, string userId);

    [LoggerMessage(5031, LogLevel.Information, "Co-operator {UserId} left session {SessionId}")]
    public static partial void OperatorLeft(ILogger logger, string sessionId, string userId);

    [LoggerMessage(5032, LogLevel.Information, "Co-operator {UserId} of session {SessionId} is no longer invited; the connection is closed")]
    public static partial void OperatorNoLongerInvited(ILogger logger, string sessionId, string userId);
}
