namespace Babelcast.Server.Capacity;

internal static partial class Log
{
    [LoggerMessage(5400, LogLevel.Warning, "Speaker of session {SessionId} refused: the node carries its limit of {Limit} speaking sessions")]
    public static partial void SpeakerRefused(ILogger logger, string sessionId, int limit);

    [LoggerMessage(5401, LogLevel.Information, "Capacity: at most {Limit} speaking sessions ({Source})")]
    public static partial void CapacityLimit(ILogger logger, int limit, string source);
}
