using Babelcast.Core.Ingest;
using Microsoft.Extensions.Logging.Abstractions;

namespace Babelcast.Cluster.Redis.Tests;

/// <summary>Ingest instances that share one key prefix, each with its own connection, as separate nodes would.</summary>
internal sealed class IngestNodes(RedisFixture redis) : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];

    public RedisClusterOptions Options { get; } = new()
    {
        ConnectionString = redis.Server.ConnectionString + ",connectTimeout=5000",
        KeyPrefix = "i" + Guid.NewGuid().ToString("N")[..12],
        IngestPollInterval = TimeSpan.FromMilliseconds(200),
    };

    public RedisAudioIngest Create(int capacity)
    {
        var connection = new RedisConnection(Microsoft.Extensions.Options.Options.Create(Options));
        var ingest = new RedisAudioIngest(
            connection, Microsoft.Extensions.Options.Options.Create(Options),
            Microsoft.Extensions.Options.Options.Create(new IngestOptions { QueueCapacity = capacity }),
            TimeProvider.System, NullLogger<RedisAudioIngest>.Instance);
        // The ingest first: its pumps stop before their connection goes.
        _owned.Add(connection);
        _owned.Add(ingest);
        return ingest;
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            await _owned[i].DisposeAsync();
        }
    }
}
