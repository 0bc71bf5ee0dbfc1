using System.Globalization;
using Babelcast.Server.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Babelcast.Server.Health;

/// <summary>
/// Degraded (still 200) while the start-up warm-up loads the decoders and runs its first phrase: the node serves, but a
/// session started now shares the cores with that load and its first phrase can be slower than 1 s. Healthy after.
/// </summary>
internal sealed class WarmupHealthCheck(StartupWarmup warmup) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var seconds = warmup.Running.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture);
        var data = new Dictionary<string, object> { ["seconds"] = Math.Round(warmup.Running.TotalSeconds, 1) };
        return Task.FromResult(warmup.Done
            ? HealthCheckResult.Healthy($"engines warmed at start-up in {seconds} s", data)
            : HealthCheckResult.Degraded($"engines warming up for {seconds} s; a first phrase now may be slower", data: data));
    }
}
