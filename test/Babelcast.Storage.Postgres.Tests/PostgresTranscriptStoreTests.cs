using Babelcast.Core.Storage;
using Babelcast.Testing.Contracts;
using Babelcast.Testing.Postgres;

namespace Babelcast.Storage.Postgres.Tests;

[Collection(PostgresCollection.Name)]
[Trait("Category", "Cluster")]
public sealed class PostgresTranscriptStoreTests(PrivatePostgresServer server) : TranscriptStoreContractTests, IAsyncLifetime
{
    private readonly TempSchema _schema = new(server);

    protected override async ValueTask<(ITranscriptStore Transcripts, ISessionStore Sessions)> CreateStoresAsync()
    {
        var database = await _schema.OpenAsync();

        // Migrate explicitly, as the host does at start, rather than lazily on first use.
        await database.InitializeAsync(CancellationToken.None);
        return (new PostgresTranscriptStore(database), new PostgresSessionStore(database));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _schema.DisposeAsync().AsTask();
}
