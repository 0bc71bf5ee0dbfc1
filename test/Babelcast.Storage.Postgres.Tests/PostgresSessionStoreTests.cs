using Babelcast.Core.Storage;
using Babelcast.Testing.Contracts;
using Babelcast.Testing.Postgres;

namespace Babelcast.Storage.Postgres.Tests;

[Collection(PostgresCollection.Name)]
[Trait("Category", "Cluster")]
public sealed class PostgresSessionStoreTests(PrivatePostgresServer server) : SessionStoreContractTests, IAsyncLifetime
{
    private readonly TempSchema _schema = new(server);

    protected override async ValueTask<ISessionStore> CreateStoreAsync() => new PostgresSessionStore(await _schema.OpenAsync());

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _schema.DisposeAsync().AsTask();
}
