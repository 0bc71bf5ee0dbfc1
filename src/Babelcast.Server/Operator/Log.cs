namespace Babelcast.Server.Operator;

internal static partial class Log
{
    [LoggerMessage(5600, LogLevel.Information, "Session {SessionId}: prepared text loaded, {Cues} cues, translating ahead into {Languages}")]
    public static partial void ScriptLoaded(ILogger logger, string sessionId, int cues, string languages);

    [LoggerMessage(5601, LogLevel.Information, "Session {SessionId}: prepared text translated ahead ({Failures} translations failed and will be retried when sent)")]
    public static partial void ScriptTranslated(ILogger logger, string sessionId, int failures);

    [LoggerMessage(5602, LogLevel.Warning, "Session {SessionId}: translating prepared text ahead stopped")]
    public static partial void ScriptTranslationStopped(ILogger logger, string sessionId, Exception exception);

    [LoggerMessage(5603, LogLevel.Information, "Session {SessionId}: Scripture {Reference} sent in {Segments} phrases")]
    public static partial void ScriptureSent(ILogger logger, string sessionId, string reference, int segments);

    [LoggerMessage(5604, LogLevel.Information, "Session {SessionId}: follow the speaker turned {State}")]
    public static partial void FollowTurned(ILogger logger, string sessionId, string state);

    [LoggerMessage(5605, LogLevel.Information, "Session {SessionId}: phrase followed the prepared text, cues [{Cues}] sent (similarity {Score:F2}): \"{Heard}\"")]
    public static partial void Followed(ILogger logger, string sessionId, string cues, double score, string heard);

    [LoggerMessage(5606, LogLevel.Information, "Session {SessionId}: phrase not in the prepared text at the speaker's position (best similarity {Score:F2}), sent as speech: \"{Heard}\"")]
    public static partial void FollowMissed(ILogger logger, string sessionId, double score, string heard);
}
