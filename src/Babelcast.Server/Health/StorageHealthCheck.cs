using Babelcast.Core.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Babelcast.Server.Health;

/// <summary>Runs a real query against the store (a session lookup by a key no session has); not cached: it is cheap.</summary>
internal sealed class StorageHealthCheck(ISessionStore sessions) : IHealthCheck
{
    private const string ProbeId = "health-check-probe";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await sessions.GetAsync(ProbeId, cancellationToken);
            return HealthCheckResult.Healthy("query answered");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{ex.GetType().Name}: {ex.Message}", ex);
        }
    }
}
