using Babelcast.Core.Storage;
using Babelcast.Testing.Contracts;

namespace Babelcast.Storage.Sqlite.Tests;

public sealed class SqliteUserStoreTests : UserStoreContractTests, IDisposable
{
    private readonly TempDatabase _file = new();

    protected override ValueTask<IUserStore> CreateStoreAsync() => ValueTask.FromResult<IUserStore>(new SqliteUserStore(_file.Open()));

    public void Dispose() => _file.Dispose();
}
