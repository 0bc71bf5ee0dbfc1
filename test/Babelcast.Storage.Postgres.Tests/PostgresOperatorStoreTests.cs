using Babelcast.Core.Storage;
using Babelcast.Testing.Contracts;
using Babelcast.Testing.Postgres;

namespace Babelcast.Storage.Postgres.Tests;

[Collection(PostgresCollection.Name)]
[Trait("Category", "Cluster")]
public sealed class PostgresOperatorStoreTests(PrivatePostgresServer server) : OperatorStoreContractTests, IAsyncLifetime
{
    private readonly TempSchema _schema = new(server);

    protected override async ValueTask<(IOperatorStore Operators, ISessionStore Sessions, IUserStore Users)> CreateStoresAsync()
    {
        var database = await _schema.OpenAsync();
        return (new PostgresOperatorStore(database), new PostgresSessionStore(database), new PostgresUserStore(database));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _schema.DisposeAsync().AsTask();
}
