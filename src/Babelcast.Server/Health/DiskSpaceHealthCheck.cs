using Babelcast.Server.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Health;

/// <summary>The data directory's volume has at least <see cref="HealthOptions.MinimumFreeDiskBytes"/> free.</summary>
internal sealed class DiskSpaceHealthCheck(IOptions<BabelcastOptions> babelcast, IOptions<HealthOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var directory = Path.GetFullPath(babelcast.Value.DataDirectory);
        var minimum = options.Value.MinimumFreeDiskBytes;
        try
        {
            var free = new DriveInfo(directory).AvailableFreeSpace;
            var description = $"{free} bytes free in {directory} (minimum {minimum})";
            return Task.FromResult(free >= minimum ? HealthCheckResult.Healthy(description) : HealthCheckResult.Unhealthy(description));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"cannot read free space of {directory}: {ex.Message}", ex));
        }
    }
}
