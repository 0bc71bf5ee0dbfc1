using Babelcast.Core.Storage;
using Babelcast.Testing.Contracts;

namespace Babelcast.Storage.Sqlite.Tests;

public sealed class SqliteGlossaryStoreTests : GlossaryStoreContractTests, IDisposable
{
    private readonly TempDatabase _file = new();

    protected override ValueTask<(IGlossaryStore Glossaries, ISessionStore Sessions)> CreateStoresAsync()
    {
        var database = _file.Open();
        return ValueTask.FromResult<(IGlossaryStore, ISessionStore)>((new SqliteGlossaryStore(database), new SqliteSessionStore(database)));
    }

    public void Dispose() => _file.Dispose();
}
