using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Babelcast.Cluster.Redis;

/// <summary>Renews this node's leases on a fixed beat and releases them all when the node stops.</summary>
internal sealed class LeaseRenewalService(RedisSessionLeases leases, IOptions<RedisClusterOptions> options, TimeProvider time)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var beat = new PeriodicTimer(options.Value.LeaseRenewInterval, time);
        try
        {
            while (await beat.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await leases.RenewAllAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync releases the leases.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await leases.ReleaseAllAsync(cancellationToken).ConfigureAwait(false);
    }
}
