using Babelcast.Core.Scripture;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Babelcast.Server.Health;

/// <summary>
/// Says which Bibles are installed. Always healthy: without Bibles, Scripture is machine-translated, which is no reason
/// to take the node out of rotation; the description says so for an operator reading /healthz.
/// </summary>
internal sealed class ScriptureHealthCheck(ScriptureService scripture) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var bibles = await scripture.ListBiblesAsync(cancellationToken);
        var name = scripture.Library.Name;
        return HealthCheckResult.Healthy(bibles.Count == 0
            ? $"{name}: no Bibles installed (diatheke and sword-text-* packages: scripts/setup.sh); Scripture is machine-translated"
            : $"{name}: {bibles.Count} Bibles ({string.Join(", ", bibles.Select(b => $"{b.Id} [{b.Language}]"))})");
    }
}
