using Babelcast.Core.Storage;
using Babelcast.Testing.Contracts;
using Babelcast.Testing.Postgres;

namespace Babelcast.Storage.Postgres.Tests;

[Collection(PostgresCollection.Name)]
[Trait("Category", "Cluster")]
public sealed class PostgresUserStoreTests(PrivatePostgresServer server) : UserStoreContractTests, IAsyncLifetime
{
    private readonly TempSchema _schema = new(server);

    protected override async ValueTask<IUserStore> CreateStoreAsync() => new PostgresUserStore(await _schema.OpenAsync());

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _schema.DisposeAsync().AsTask();
}
