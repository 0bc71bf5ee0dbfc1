using Babelcast.Core.Pipeline;

namespace Babelcast.Server.Hosting;

/// <summary>
/// Readies a recogniser for a session about to speak (on session creation and on the speaker's connect): the engine
/// fills its pool of ready decoders in the background, so that the first phrase does not load a model (seconds of CPU
/// on a busy machine). Fire and forget, bounded by <see cref="Limit"/> and the host's shutdown; never fails a request.
/// </summary>
internal sealed class RecognizerWarmup(EngineSet engines, Broadcasting.NodeRole role, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<RecognizerWarmup> logger)
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>Starts the warm-up and returns it (callers on a request path do not wait for it); none on a gateway.</summary>
    public Task Warm(string sessionId, string language, string reason) =>
        role.RunsPipelines ? Task.Run(() => RunAsync(sessionId, language, reason, lifetime.ApplicationStopping), CancellationToken.None) : Task.CompletedTask;

    private async Task RunAsync(string sessionId, string language, string reason, CancellationToken stopping)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        bound.CancelAfter(Limit);
        var started = time.GetTimestamp();
        try
        {
            foreach (var recognizer in engines.RecognizersFor(language))
            {
                await recognizer.PrewarmAsync(language, bound.Token);
            }

            WarmupLog.SessionRecognizerReady(logger, language, sessionId, reason, time.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (OperationCanceledException) when (bound.IsCancellationRequested)
        {
            WarmupLog.SessionRecognizerWarmupFailed(logger, sessionId, reason, stopping.IsCancellationRequested ? "shutdown" : $"not done in {Limit.TotalSeconds:F0} s", null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            WarmupLog.SessionRecognizerWarmupFailed(logger, sessionId, reason, "engine failure", ex);
        }
    }
}
