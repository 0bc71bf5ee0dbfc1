using Microsoft.Extensions.Logging;

namespace Babelcast.Core.Pipeline;

internal static partial class Log
{
    [LoggerMessage(4000, LogLevel.Information, "Pipeline started for session {SessionId} ({SourceLanguage})")]
    public static partial void PipelineStarted(ILogger logger, string sessionId, string sourceLanguage);

    [LoggerMessage(4001, LogLevel.Information, "Pipeline finished for session {SessionId} after {Phrases} phrases")]
    public static partial void PipelineFinished(ILogger logger, string sessionId, long phrases);

    [LoggerMessage(4002, LogLevel.Error, "Pipeline of session {SessionId} failed")]
    public static partial void PipelineFailed(ILogger logger, string sessionId, Exception exception);

    [LoggerMessage(4003, LogLevel.Debug, "Session {SessionId} phrase {Seq}: \"{Text}\" ({Timings})")]
    public static partial void PhraseDone(ILogger logger, string sessionId, long seq, string text, string timings);

    [LoggerMessage(4004, LogLevel.Warning, "Session {SessionId} phrase {Seq}: translation into {Language} failed: {Error}")]
    public static partial void TranslationFailed(ILogger logger, string sessionId, long seq, string language, string? error);

    [LoggerMessage(4005, LogLevel.Error, "Session {SessionId} phrase {Seq}: {Language} failed")]
    public static partial void LanguageFailed(ILogger logger, string sessionId, long seq, string language, Exception exception);

    [LoggerMessage(4006, LogLevel.Debug, "Session {SessionId}: phrase without words discarded")]
    public static partial void PhraseDiscarded(ILogger logger, string sessionId);

    [LoggerMessage(4007, LogLevel.Warning, "Session {SessionId}: partial caption translation failed")]
    public static partial void PartialFailed(ILogger logger, string sessionId, Exception exception);

    [LoggerMessage(4008, LogLevel.Information, "Retention deleted {Count} phrase audio files")]
    public static partial void RetentionDeleted(ILogger logger, int count);
}
