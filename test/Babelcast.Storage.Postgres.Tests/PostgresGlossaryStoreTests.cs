using Babelcast.Core.Storage;
using Babelcast.Testing.Contracts;
using Babelcast.Testing.Postgres;

namespace Babelcast.Storage.Postgres.Tests;

[Collection(PostgresCollection.Name)]
[Trait("Category", "Cluster")]
public sealed class PostgresGlossaryStoreTests(PrivatePostgresServer server) : GlossaryStoreContractTests, IAsyncLifetime
{
    private readonly TempSchema _schema = new(server);

    protected override async ValueTask<(IGlossaryStore Glossaries, ISessionStore Sessions)> CreateStoresAsync()
    {
        var database = await _schema.OpenAsync();
        return (new PostgresGlossaryStore(database), new PostgresSessionStore(database));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _schema.DisposeAsync().AsTask();
}
