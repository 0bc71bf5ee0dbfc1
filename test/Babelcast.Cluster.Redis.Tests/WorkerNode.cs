using System.Collections.Concurrent;
using Babelcast.Core.Cluster;
using Microsoft.Extensions.Logging.Abstractions;

namespace Babelcast.Cluster.Redis.Tests;

/// <summary>A worker as a process would run it: its own connection, leases with renewal, and the claim loop.</summary>
internal sealed class WorkerNode : IAsyncDisposable, IOwnedSessionRunner
{
    private readonly LeaseNode _node;
    private readonly LeaseRenewalService _renewal;
    private readonly SessionClaimService _claims;
    private readonly RedisConnection _connection;
    private readonly TestMeterFactory _meters = new();
    private bool _stopped;

    public WorkerNode(string id, RedisClusterOptions options, int maxSessions)
    {
        _node = new LeaseNode(id, options);
        _connection = new RedisConnection(Microsoft.Extensions.Options.Options.Create(options));
        var claim = Microsoft.Extensions.Options.Options.Create(new SessionClaimOptions
        {
            MaxSessions = maxSessions,
            ScanInterval = TimeSpan.FromMilliseconds(300),
            DelayPerHeldSession = TimeSpan.FromMilliseconds(40),
        });
        Placement = new RedisSessionPlacement(_connection, _node.Leases, claim, Microsoft.Extensions.Options.Options.Create(options), TimeProvider.System);
        _renewal = new LeaseRenewalService(_node.Leases, Microsoft.Extensions.Options.Options.Create(options), TimeProvider.System);
        _claims = new SessionClaimService(
            Placement, _node.Leases, _connection, this, new Core.Diagnostics.BabelcastMetrics(_meters), claim, TimeProvider.System, NullLogger<SessionClaimService>.Instance);
    }

    public RedisSessionPlacement Placement { get; }

    /// <summary>Sessions whose runner is running now.</summary>
    public ConcurrentDictionary<string, ISessionLease> Running { get; } = new(StringComparer.Ordinal);

    public async Task StartAsync()
    {
        await _renewal.StartAsync(CancellationToken.None);
        await _claims.StartAsync(CancellationToken.None);
    }

    /// <summary>A graceful stop: runners end, leases are released, the other workers are nudged.</summary>
    public async Task StopAsync()
    {
        _stopped = true;
        await _claims.StopAsync(CancellationToken.None);
        await _renewal.StopAsync(CancellationToken.None);
    }

    /// <summary>A crash: the loops stop without releasing anything, so the leases run out in Redis.</summary>
    public async Task CrashAsync()
    {
        _stopped = true;
        _node.Leases.Dispose();
        await _claims.StopAsync(CancellationToken.None);
        await _renewal.StopAsync(CancellationToken.None);
    }

    async Task IOwnedSessionRunner.RunAsync(ISessionLease lease, CancellationToken cancellationToken)
    {
        Running[lease.SessionId] = lease;
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        finally
        {
            Running.TryRemove(lease.SessionId, out _);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
        {
            await StopAsync();
        }

        _claims.Dispose();
        _renewal.Dispose();
        await _node.DisposeAsync();
        await _connection.DisposeAsync();
        _meters.Dispose();
    }
}

/// <summary>Meters for one test node, disposed with it.</summary>
internal sealed class TestMeterFactory : System.Diagnostics.Metrics.IMeterFactory
{
    private readonly List<System.Diagnostics.Metrics.Meter> _meters = [];

    public System.Diagnostics.Metrics.Meter Create(System.Diagnostics.Metrics.MeterOptions options)
    {
        var meter = new System.Diagnostics.Metrics.Meter(options);
        _meters.Add(meter);
        return meter;
    }

    public void Dispose() => _meters.ForEach(m => m.Dispose());
}
