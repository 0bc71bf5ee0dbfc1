using Babelcast.Core.Storage;
using Babelcast.Testing.Contracts;
using Babelcast.Testing.Postgres;

namespace Babelcast.Storage.Postgres.Tests;

[Collection(PostgresCollection.Name)]
[Trait("Category", "Cluster")]
public sealed class PostgresPhraseAudioStoreTests(PrivatePostgresServer server) : PhraseAudioStoreContractTests, IAsyncLifetime
{
    private readonly TempSchema _schema = new(server);

    protected override async ValueTask<IPhraseAudioStore> CreateStoreAsync() => new PostgresPhraseAudioStore(await _schema.OpenAsync(Clock), Clock);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _schema.DisposeAsync().AsTask();
}
