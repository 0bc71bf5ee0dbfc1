using Babelcast.Testing.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Babelcast.Storage.Postgres.Tests;

/// <summary>An empty schema on the private server and the <see cref="PostgresDatabase"/> instances opened over it, disposed together.</summary>
internal sealed class TempSchema(PrivatePostgresServer server) : IAsyncDisposable
{
    private readonly List<PostgresDatabase> _opened = [];
    private string? _connectionString;

    public async Task<string> ConnectionStringAsync()
    {
        return _connectionString ??= await server.CreateSchemaAsync();
    }

    /// <summary>A fresh <see cref="PostgresDatabase"/> over the schema, as a new node would open it.</summary>
    public async Task<PostgresDatabase> OpenAsync(TimeProvider? timeProvider = null)
    {
        var database = new PostgresDatabase(
            Options.Create(new PostgresStorageOptions { ConnectionString = await ConnectionStringAsync() }),
            timeProvider ?? TimeProvider.System,
            NullLoggerFactory.Instance);
        _opened.Add(database);
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _opened)
        {
            await database.DisposeAsync();
        }
    }
}
