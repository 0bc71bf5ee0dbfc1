namespace Babelcast.Server.Streaming;

internal static partial class Log
{
    [LoggerMessage(5300, LogLevel.Debug, "MP3 stream of session {SessionId} started in {Language}")]
    public static partial void StreamStarted(ILogger logger, string sessionId, string language);

    [LoggerMessage(5301, LogLevel.Debug, "MP3 stream of session {SessionId} finished: {Outcome}")]
    public static partial void StreamEnded(ILogger logger, string sessionId, StreamOutcome outcome);

    [LoggerMessage(5302, LogLevel.Warning, "MP3 stream client of session {SessionId} reads too slowly and is disconnected")]
    public static partial void StreamTooSlow(ILogger logger, string sessionId);
}
