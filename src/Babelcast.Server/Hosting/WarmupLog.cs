namespace Babelcast.Server.Hosting;

/// <summary>Log messages of the engine warm-ups (start-up, session creation, speaker connect, listener join).</summary>
internal static partial class WarmupLog
{
    [LoggerMessage(5200, LogLevel.Information, "Recogniser for {Language} loaded")]
    public static partial void RecognizerLoaded(ILogger logger, string language);

    [LoggerMessage(5201, LogLevel.Warning, "Recogniser warm-up for {Language} failed")]
    public static partial void RecognizerWarmupFailed(ILogger logger, string language, Exception exception);

    [LoggerMessage(5202, LogLevel.Information, "Warmed {Source}->{Target} for listeners: translation {TranslatedMs:F0} ms, voice {SynthesisMs:F0} ms, encoder {EncodingMs:F0} ms")]
    public static partial void LanguageWarmed(ILogger logger, string source, string target, double translatedMs, double synthesisMs, double encodingMs);

    [LoggerMessage(5203, LogLevel.Warning, "Warm-up of {Source}->{Target} for listeners failed at {Stage}; its first phrase may be slow")]
    public static partial void LanguageWarmupFailed(ILogger logger, string source, string target, string stage, Exception? exception);

    [LoggerMessage(5204, LogLevel.Debug, "Recogniser for {Language} ready for session {SessionId} ({Reason}) in {ElapsedMs:F0} ms")]
    public static partial void SessionRecognizerReady(ILogger logger, string language, string sessionId, string reason, double elapsedMs);

    [LoggerMessage(5205, LogLevel.Warning, "Recogniser warm-up for session {SessionId} ({Reason}) did not finish: {Outcome}")]
    public static partial void SessionRecognizerWarmupFailed(ILogger logger, string sessionId, string reason, string outcome, Exception? exception);

    [LoggerMessage(5206, LogLevel.Information, "Start-up warm-up: one phrase through {Source}->{Target} in {ElapsedMs:F0} ms")]
    public static partial void StartupPhraseWarmed(ILogger logger, string source, string target, double elapsedMs);

    [LoggerMessage(5207, LogLevel.Information, "Start-up warm-up done in {ElapsedMs:F0} ms ({Pairs} listener languages kept ready): first phrases are served at full speed from now")]
    public static partial void StartupWarmupDone(ILogger logger, double elapsedMs, int pairs);
}
