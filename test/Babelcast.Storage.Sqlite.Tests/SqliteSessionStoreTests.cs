using Babelcast.Core.Storage;
using Babelcast.Testing.Contracts;

namespace Babelcast.Storage.Sqlite.Tests;

public sealed class SqliteSessionStoreTests : SessionStoreContractTests, IDisposable
{
    private readonly TempDatabase _file = new();

    protected override ValueTask<ISessionStore> CreateStoreAsync() => ValueTask.FromResult<ISessionStore>(new SqliteSessionStore(_file.Open()));

    public void Dispose() => _file.Dispose();
}
