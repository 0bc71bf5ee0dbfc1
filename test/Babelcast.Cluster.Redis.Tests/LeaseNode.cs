using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Babelcast.Cluster.Redis.Tests;

/// <summary>One cluster node's view of the leases: its own connection and node id, as a separate process would have.</summary>
internal sealed class LeaseNode : IAsyncDisposable
{
    private readonly RedisConnection _connection;

    public LeaseNode(string id, RedisClusterOptions options)
    {
        Options = options;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Babelcast:Cluster:NodeId"] = id })
            .Build();
        _connection = new RedisConnection(Microsoft.Extensions.Options.Options.Create(options));
        Leases = new RedisSessionLeases(
            _connection, new ClusterNode(configuration), Microsoft.Extensions.Options.Options.Create(options),
            TimeProvider.System, NullLogger<RedisSessionLeases>.Instance);
    }

    public RedisClusterOptions Options { get; }

    public RedisSessionLeases Leases { get; }

    public ValueTask<IDatabase> DatabaseAsync() => _connection.GetDatabaseAsync(CancellationToken.None);

    public static RedisClusterOptions OptionsFor(RedisFixture redis, TimeSpan lease, TimeSpan margin, TimeSpan renew) => new()
    {
        ConnectionString = redis.Server.ConnectionString + ",connectTimeout=5000",
        KeyPrefix = "t" + Guid.NewGuid().ToString("N")[..12],
        LeaseDuration = lease,
        FencingMargin = margin,
        LeaseRenewInterval = renew,
    };

    public async ValueTask DisposeAsync()
    {
        Leases.Dispose();
        await _connection.DisposeAsync();
    }
}
