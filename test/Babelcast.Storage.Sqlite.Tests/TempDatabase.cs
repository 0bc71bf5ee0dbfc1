using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Babelcast.Storage.Sqlite.Tests;

/// <summary>A real SQLite file in its own temporary directory, deleted on dispose.</summary>
internal sealed class TempDatabase : IDisposable
{
    private readonly List<SqliteDatabase> _opened = [];

    public TempDatabase()
    {
        DirectoryPath = Path.Combine(Path.GetTempPath(), "babelcast-sqlite-tests", Guid.NewGuid().ToString("N"));
        FilePath = Path.Combine(DirectoryPath, "nested", "test.db");
    }

    public string DirectoryPath { get; }

    public string FilePath { get; }

    /// <summary>A fresh <see cref="SqliteDatabase"/> over the file, as a new process would open it.</summary>
    public SqliteDatabase Open(TimeProvider? timeProvider = null)
    {
        var database = new SqliteDatabase(
            Options.Create(new SqliteStorageOptions { DatabasePath = FilePath }),
            timeProvider ?? TimeProvider.System,
            NullLogger<SqliteDatabase>.Instance);
        _opened.Add(database);
        return database;
    }

    public void Dispose()
    {
        foreach (var database in _opened)
        {
            database.Dispose();
        }

        // Pooled connections keep the file open; release them before deleting.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(DirectoryPath))
        {
            Directory.Delete(DirectoryPath, recursive: true);
        }
    }
}
