using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Health;

/// <summary>
/// An engine check that makes one tiny real call and keeps its result for <see cref="HealthOptions.EngineCheckCacheDuration"/>:
/// a load balancer probing every few seconds must not cost an engine call each time. One probe runs at a time.
/// </summary>
internal abstract class CachedEngineHealthCheck(IOptions<HealthOptions> options, TimeProvider time) : IHealthCheck, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private HealthCheckResult? _last;
    private long _lastAt;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_last is { } cached && time.GetElapsedTime(_lastAt) < options.Value.EngineCheckCacheDuration)
            {
                return cached;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.EngineCheckTimeout);
            HealthCheckResult result;
            try
            {
                result = await ProbeAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                result = HealthCheckResult.Unhealthy($"no answer within {options.Value.EngineCheckTimeout.TotalSeconds:0.#} s");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                result = HealthCheckResult.Unhealthy($"{ex.GetType().Name}: {ex.Message}", ex);
            }

            (_last, _lastAt) = (result, time.GetTimestamp());
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>The tiny real call; throwing or returning unhealthy fails the check.</summary>
    protected abstract Task<HealthCheckResult> ProbeAsync(CancellationToken cancellationToken);
}
