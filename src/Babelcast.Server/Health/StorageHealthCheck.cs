using Babelcast.Core.Pipeline;
using Babelcast.Core.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Babelcast.Server.Health;

/// <summary>
/// Runs a real query against the store (a session lookup by a key no session has); not cached: it is cheap. A store
/// that answers reads but refuses writes (read-only database, full disk) shows as the transcript writes it keeps.
/// </summary>
internal sealed class StorageHealthCheck(ISessionStore sessions, TranscriptWriter transcripts) : IHealthCheck
{
    private const string ProbeId = "health-check-probe";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (transcripts.Pending is > 0 and var pending)
        {
            return HealthCheckResult.Unhealthy($"writes refused: {pending} transcript writes waiting since {transcripts.FailingSince:O}");
        }

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
