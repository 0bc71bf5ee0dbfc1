using Babelcast.Core.Storage;
using Babelcast.Testing.Contracts;

namespace Babelcast.Storage.Sqlite.Tests;

public sealed class SqliteTranscriptStoreTests : TranscriptStoreContractTests, IDisposable
{
    private readonly TempDatabase _file = new();

    protected override async ValueTask<(ITranscriptStore Transcripts, ISessionStore Sessions)> CreateStoresAsync()
    {
        var database = _file.Open();

        // Migrate explicitly, as the host does at start, rather than lazily on first use.
        await database.InitializeAsync(CancellationToken.None);
        return (new SqliteTranscriptStore(database), new SqliteSessionStore(database));
    }

    public void Dispose() => _file.Dispose();
}
