using System.Collections.Concurrent;
using Babelcast.Core.Cluster;
using Babelcast.Core.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Babelcast.Cluster.Redis;

/// <summary>
/// A worker's claim loop: on every announcement (and every scan interval, since Pub/Sub can drop one) it claims free
/// sessions while it has room and runs each through <see cref="IOwnedSessionRunner"/> until the lease is lost or the
/// node stops; then it releases the lease and nudges the other workers, so that a graceful stop hands over at once.
/// </summary>
public sealed class SessionClaimService(
    RedisSessionPlacement placement,
    RedisSessionLeases leases,
    RedisConnection connection,
    IOwnedSessionRunner runner,
    BabelcastMetrics metrics,
    IOptions<SessionClaimOptions> options,
    TimeProvider time,
    ILogger<SessionClaimService> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.Ordinal);
    private readonly WakeSignal _wake = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A worker's load as the operator's dashboards and load decisions see it.
        metrics.Meter.CreateObservableGauge("babelcast_cluster_sessions_held", () => leases.HeldCount, description: "Sessions whose pipelines this worker runs");
        metrics.Meter.CreateObservableGauge("babelcast_cluster_session_capacity", () => placement.Capacity, description: "Sessions this worker runs at most (Babelcast:Cluster:Placement:MaxSessions)");
        var subscriber = await connection.GetSubscriberAsync(stoppingToken).ConfigureAwait(false);
        await subscriber.SubscribeAsync(placement.Announcements, (_, _) => _wake.Set()).ConfigureAwait(false);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    foreach (var lease in await placement.ClaimAsync(stoppingToken).ConfigureAwait(false))
                    {
                        _running[lease.SessionId] = RunAsync(lease, stoppingToken);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // One failed round must not stop the node: the next announcement or scan tries again.
                    Log.ClaimFailed(logger, ex);
                }

                await _wake.WaitAsync(options.Value.ScanInterval, time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the runners see the same token.
        }
        finally
        {
            await subscriber.UnsubscribeAsync(placement.Announcements).ConfigureAwait(false);
        }
    }

    private async Task RunAsync(ISessionLease lease, CancellationToken stoppingToken)
    {
        await Task.Yield();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lease.Lost);
        try
        {
            await runner.RunAsync(lease, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            // Lost or stopping.
        }
        catch (Exception ex)
        {
            Log.RunnerFailed(logger, lease.SessionId, ex);
        }
        finally
        {
            _running.TryRemove(lease.SessionId, out _);
            await ReleaseAsync(lease).ConfigureAwait(false);
        }
    }

    private async Task ReleaseAsync(ISessionLease lease)
    {
        // The node may be stopping: the release and the nudge get their own short budget.
        using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(2), time);
        try
        {
            var wasHeld = !lease.IsLost;
            await leases.ReleaseAsync(lease, budget.Token).ConfigureAwait(false);
            if (wasHeld)
            {
                await placement.NudgeAsync(lease.SessionId, budget.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or OperationCanceledException)
        {
            Log.ClaimFailed(logger, ex);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(_running.Values).WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
