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

    [LoggerMessage(4009, LogLevel.Warning, "Session {SessionId} phrase {Seq}: {Stage} failed; the phrase is dropped and the stage goes on")]
    public static partial void StageFailed(ILogger logger, string sessionId, string stage, long seq, Exception exception);

    [LoggerMessage(4010, LogLevel.Error, "Session {SessionId}: stage {Stage} stopped; the session's other stages are cancelled")]
    public static partial void StageStopped(ILogger logger, string sessionId, string stage, Exception exception);

    [LoggerMessage(4011, LogLevel.Warning, "Pipeline of session {SessionId} restarted after a failure (restart {Restart})")]
    public static partial void PipelineRestarted(ILogger logger, string sessionId, int restart);

    [LoggerMessage(4012, LogLevel.Warning, "Session {SessionId}: releasing a failed recogniser threw")]
    public static partial void RecognizerReleaseFailed(ILogger logger, string sessionId, Exception exception);

    [LoggerMessage(4013, LogLevel.Warning, "Session {SessionId} phrase {Seq}: storing the {Kind} failed; captions and audio go on live and the write is kept and retried")]
    public static partial void TranscriptWriteFailed(ILogger logger, string sessionId, long seq, string kind, Exception exception);

    [LoggerMessage(4014, LogLevel.Error, "Session {SessionId} phrase {Seq}: the {Kind} could not be stored and is missing from the transcript ({Reason})")]
    public static partial void TranscriptWriteLost(ILogger logger, string sessionId, long seq, string kind, string reason);

    [LoggerMessage(4015, LogLevel.Information, "Session {SessionId}: storage is back; {Count} kept transcript writes stored")]
    public static partial void TranscriptBacklogStored(ILogger logger, string sessionId, int count);

    [LoggerMessage(4016, LogLevel.Error, "Shutting down with {Count} transcript writes still unstored; they are lost")]
    public static partial void TranscriptBacklogLostAtShutdown(ILogger logger, int count);

    [LoggerMessage(4017, LogLevel.Information, "Session {SessionId} phrase {Seq}: corrected by the operator and sent again in {Languages}")]
    public static partial void PhraseCorrected(ILogger logger, string sessionId, long seq, string languages);

    [LoggerMessage(4018, LogLevel.Warning, "Session {SessionId} phrase {Seq}: the correction could not be stored; nothing was changed")]
    public static partial void CorrectionNotStored(ILogger logger, string sessionId, long seq, Exception exception);

    [LoggerMessage(4030, LogLevel.Warning, "Session {SessionId}: a Scripture or prepared-text item in the ingest log could not be read; dropped")]
    public static partial void ScriptedItemUnreadable(ILogger logger, string sessionId);

    [LoggerMessage(4031, LogLevel.Debug, "Session {SessionId} phrase {Seq}: read the rest of a prepared cue already sent; not sent again")]
    public static partial void PhraseFollowedRemainder(ILogger logger, string sessionId, long seq);
}
