using Babelcast.Core.Ingest;
using Babelcast.Testing.Contracts;

namespace Babelcast.Cluster.Redis.Tests;

/// <summary>The ingest contract that the in-process channel passes, unchanged, against a real redis-server.</summary>
[Trait("Category", "Cluster")]
[Collection(RedisCollection.Name)]
public sealed class RedisAudioIngestContractTests(RedisFixture redis) : AudioIngestContractTests, IAsyncLifetime
{
    private readonly IngestNodes _nodes = new(redis);

    protected override IAudioIngest CreateIngest(int capacity) => _nodes.Create(capacity);

    protected override IAudioIngest CreatePeer(IAudioIngest first, int capacity) => _nodes.Create(capacity);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _nodes.DisposeAsync();
}
