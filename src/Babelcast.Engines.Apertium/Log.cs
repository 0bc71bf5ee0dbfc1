using Microsoft.Extensions.Logging;

namespace Babelcast.Engines.Apertium;

/// <summary>Log messages of the Apertium translator (event ids 3100-3199).</summary>
internal static partial class Log
{
    [LoggerMessage(3100, LogLevel.Information, "Apertium: {Count} usable modes in {Directory}")]
    public static partial void ModesDiscovered(ILogger logger, int count, string directory);

    [LoggerMessage(3101, LogLevel.Debug, "Apertium: mode {Mode} skipped (variant or not a language pair)")]
    public static partial void ModeSkipped(ILogger logger, string mode);

    [LoggerMessage(3102, LogLevel.Information, "Apertium pipeline {Mode} started as process {ProcessId} in {ElapsedMs:F1} ms")]
    public static partial void PipelineStarted(ILogger logger, string mode, int processId, double elapsedMs);

    [LoggerMessage(3103, LogLevel.Information, "Apertium pipeline {Mode} (process {ProcessId}) stopped: {Reason}")]
    public static partial void PipelineStopped(ILogger logger, string mode, int processId, string reason);

    [LoggerMessage(3104, LogLevel.Warning, "Apertium pipeline {Mode} failed on attempt {Attempt}")]
    public static partial void PipelineFailed(ILogger logger, string mode, int attempt, Exception exception);

    [LoggerMessage(3105, LogLevel.Warning, "Apertium pipeline {Mode} (process {ProcessId}) had exited; restarting it")]
    public static partial void PipelineExited(ILogger logger, string mode, int processId);

    [LoggerMessage(3106, LogLevel.Debug, "Apertium pipeline {Mode} stderr: {Line}")]
    public static partial void PipelineStderr(ILogger logger, string mode, string line);

    [LoggerMessage(3107, LogLevel.Information, "Apertium pipeline {Mode} stopped after {IdleSeconds} s idle")]
    public static partial void PipelineIdleStopped(ILogger logger, string mode, double idleSeconds);

    [LoggerMessage(3108, LogLevel.Warning, "Apertium: {Source}->{Target} timed out after {TimeoutMs} ms")]
    public static partial void TranslationTimedOut(ILogger logger, string source, string target, double timeoutMs);

    [LoggerMessage(3109, LogLevel.Debug, "Apertium: no route from {Source} to {Target}")]
    public static partial void NoRoute(ILogger logger, string source, string target);

    [LoggerMessage(3110, LogLevel.Information, "Apertium: prewarmed {Source}->{Target} in {ElapsedMs:F0} ms")]
    public static partial void Prewarmed(ILogger logger, string source, string target, double elapsedMs);

    [LoggerMessage(3111, LogLevel.Warning, "Apertium: could not prewarm {Source}->{Target}: {Error}")]
    public static partial void PrewarmFailed(ILogger logger, string source, string target, string error);
}
