using Babelcast.Core.Storage;
using Babelcast.Storage.Sqlite.Migrations;
using Babelcast.Testing.Contracts;
using Microsoft.Data.Sqlite;

namespace Babelcast.Storage.Sqlite.Tests;

public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly TempDatabase _file = new();

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task InitializeAsync_CalledTwice_AppliesEachMigrationOnce()
    {
        var database = _file.Open();

        await database.InitializeAsync(Ct);
        await database.InitializeAsync(Ct);
        await _file.Open().InitializeAsync(Ct);

        Assert.Equal(SqliteMigrations.All.Select(m => (long)m.Version), await QueryLongsAsync("SELECT version FROM schema_version ORDER BY version;"));
    }

    [Fact]
    public async Task InitializeAsync_ConcurrentOpenersOnNewFile_AllSucceed()
    {
        var openers = Enumerable.Range(0, 8).Select(_ => _file.Open()).ToList();

        await Task.WhenAll(openers.Select(d => Task.Run(async () => await d.InitializeAsync(Ct))));

        Assert.Equal([SqliteMigrations.LatestVersion], await QueryLongsAsync("SELECT MAX(version) FROM schema_version;"));
        Assert.Equal(SqliteMigrations.All.Count, (await QueryLongsAsync("SELECT COUNT(*) FROM schema_version;")).Single());
    }

    [Fact]
    public async Task InitializeAsync_NewFile_CreatesDirectoryAndUsesWal()
    {
        await _file.Open().InitializeAsync(Ct);

        Assert.True(File.Exists(_file.FilePath));
        await using var connection = await _file.Open().OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode; ";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync(Ct));
        command.CommandText = "PRAGMA foreign_keys;";
        Assert.Equal(1L, (long?)await command.ExecuteScalarAsync(Ct));
        command.CommandText = "PRAGMA busy_timeout;";
        Assert.Equal(SqliteDatabase.BusyTimeoutMs, (long?)await command.ExecuteScalarAsync(Ct));
    }

    [Fact]
    public async Task InitializeAsync_DatabaseFromNewerBuild_Throws()
    {
        await _file.Open().InitializeAsync(Ct);
        await ExecuteAsync("INSERT INTO schema_version (version, name, applied_at) VALUES (999, 'from the future', 0);");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await _file.Open().InitializeAsync(Ct));

        Assert.Contains("999", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reopen_AfterWrites_DataSurvives()
    {
        var first = _file.Open();
        var session = StoreSamples.Session("s-1");
        var phrase = StoreSamples.Phrase("s-1", 1, StoreSamples.UnicodeText);
        await new SqliteUserStore(first).TryCreateAsync(new UserRecord("alice", "hash", StoreSamples.T0), Ct);
        await new SqliteSessionStore(first).TryCreateAsync(session, Ct);
        await new SqliteTranscriptStore(first).AddPhraseAsync(phrase, Ct);
        first.Dispose();
        SqliteConnection.ClearAllPools();

        var second = _file.Open();

        Assert.Equal("hash", (await new SqliteUserStore(second).FindAsync("alice", Ct))?.PasswordHash);
        Assert.Equal(session, await new SqliteSessionStore(second).GetAsync("s-1", Ct));
        Assert.Equal([phrase], await new SqliteTranscriptStore(second).GetPhrasesAsync("s-1", Ct));
    }

    [Fact]
    public async Task AddPhraseAsync_UnknownSession_IsRejectedByForeignKey()
    {
        var store = new SqliteTranscriptStore(_file.Open());

        var error = await Assert.ThrowsAsync<SqliteException>(async () => await store.AddPhraseAsync(StoreSamples.Phrase("ghost", 1), Ct));

        Assert.Equal(19, error.SqliteErrorCode); // SQLITE_CONSTRAINT
    }

    [Fact]
    public async Task Timestamps_AreStoredAsUnixMilliseconds()
    {
        var database = _file.Open();
        await new SqliteSessionStore(database).TryCreateAsync(StoreSamples.Session("s-1"), Ct);

        var stored = await QueryLongsAsync("SELECT created_at FROM sessions;");
        var status = await QueryTextAsync("SELECT status FROM sessions;");

        Assert.Equal([StoreSamples.T0.ToUnixTimeMilliseconds()], stored);
        Assert.Equal("active", status);
    }

    public void Dispose() => _file.Dispose();

    private async Task<List<long>> QueryLongsAsync(string sql)
    {
        await using var connection = await _file.Open().OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var values = new List<long>();
        while (await reader.ReadAsync(Ct))
        {
            values.Add(reader.GetInt64(0));
        }

        return values;
    }

    private async Task<string?> QueryTextAsync(string sql)
    {
        await using var connection = await _file.Open().OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string?)await command.ExecuteScalarAsync(Ct);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await _file.Open().OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }
}
