using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Babelcast.Cluster.Redis.Limits;

/// <summary>
/// Keeps this node's listener places alive in Redis: rewrites them every <c>PresenceHeartbeat</c> (they expire after
/// three), and gives them back on a graceful stop.
/// </summary>
public sealed class ListenerSlotsHeartbeatService(RedisListenerSlots slots, IOptions<RedisClusterOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var timer = new PeriodicTimer(options.Value.PresenceHeartbeat, time);
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await slots.RefreshAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(2), time);
            await slots.LeaveAsync(budget.Token).ConfigureAwait(false);
        }
    }
}
