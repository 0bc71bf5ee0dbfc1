using Babelcast.Core.Storage;
using Babelcast.Testing.Contracts;

namespace Babelcast.Storage.Sqlite.Tests;

public sealed class SqliteOperatorStoreTests : OperatorStoreContractTests, IDisposable
{
    private readonly TempDatabase _file = new();

    protected override ValueTask<(IOperatorStore Operators, ISessionStore Sessions, IUserStore Users)> CreateStoresAsync()
    {
        var database = _file.Open();
        return ValueTask.FromResult<(IOperatorStore, ISessionStore, IUserStore)>(
            (new SqliteOperatorStore(database), new SqliteSessionStore(database), new SqliteUserStore(database)));
    }

    public void Dispose() => _file.Dispose();
}
