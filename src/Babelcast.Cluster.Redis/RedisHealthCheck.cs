using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Babelcast.Cluster.Redis;

/// <summary>
/// Redis answers a PING within a second; reports the round trip and, on a worker, the sessions held against its
/// capacity. Unhealthy takes the node out of rotation, so that no speaker is accepted whose audio it could not pass on.
/// </summary>
internal sealed class RedisHealthCheck(RedisConnection connection, RedisSessionLeases leases, IOptions<SessionClaimOptions> placement, TimeProvider time) : IHealthCheck
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(1);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["heldSessions"] = leases.HeldCount, ["sessionCapacity"] = placement.Value.EffectiveMaxSessions };
        try
        {
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            budget.CancelAfter(Budget);
            var database = await connection.GetDatabaseAsync(budget.Token).ConfigureAwait(false);
            var started = time.GetTimestamp();
            await database.PingAsync().WaitAsync(Budget, time, budget.Token).ConfigureAwait(false);
            var roundTrip = time.GetElapsedTime(started);
            return HealthCheckResult.Healthy(
                string.Create(CultureInfo.InvariantCulture, $"PING answered in {roundTrip.TotalMilliseconds:F1} ms"), data: data);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"Redis unreachable: {ex.GetType().Name}: {ex.Message}", ex, data);
        }
    }
}
