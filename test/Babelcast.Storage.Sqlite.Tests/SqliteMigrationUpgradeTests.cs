using Babelcast.Core.Storage;
using Babelcast.Storage.Sqlite.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Babelcast.Storage.Sqlite.Tests;

/// <summary>A database left at schema version 1 by an older build is upgraded in place by the current code, data intact.</summary>
public sealed class SqliteMigrationUpgradeTests : IDisposable
{
    private const long CreatedMs = 1_767_225_600_000; // 2026-01-01T00:00:00Z
    private readonly TempDatabase _file = new();

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task Open_DatabaseAtVersion1WithRows_UpgradesToLatestWithDataIntact()
    {
        await CreateVersion1DatabaseAsync();

        var database = _file.Open();
        await database.InitializeAsync(Ct);

        await using (var connection = await database.OpenAsync(Ct))
        {
            Assert.Equal(SqliteMigrations.LatestVersion, await SqliteMigrator.GetVersionAsync(connection, null, Ct));
            await using var versions = connection.CreateCommand();
            versions.CommandText = "SELECT version FROM schema_version ORDER BY version;";
            var applied = new List<long>();
            await using var reader = await versions.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                applied.Add(reader.GetInt64(0));
            }

            Assert.Equal(SqliteMigrations.All.Select(m => (long)m.Version), applied);
        }

        var created = DateTimeOffset.FromUnixTimeMilliseconds(CreatedMs);
        var user = await new SqliteUserStore(database).FindAsync("alice", Ct);
        Assert.Equal(new UserRecord("alice", "hash-of-alice", created, Disabled: false, TokenVersion: 0), user);

        var session = await new SqliteSessionStore(database).GetAsync("brave-otter-101", Ct);
        Assert.NotNull(session);
        Assert.Equal(("alice", "en", "standard", SessionStatus.Paused), (session.OwnerId, session.SourceLanguage, session.QualityTier, session.Status));
        Assert.Equal(created.AddHours(4), session.ExpiresAt);

        var transcripts = new SqliteTranscriptStore(database);
        var phrases = await transcripts.GetPhrasesAsync("brave-otter-101", Ct);
        Assert.Equal(
            [new PhraseRecord("brave-otter-101", 1, "hello there", 0, 900, created, "{\"recognised\":120}"),
             new PhraseRecord("brave-otter-101", 2, "good morning", 1200, 2100, created, null)],
            phrases);
        var spanish = await transcripts.GetTranslationsAsync("brave-otter-101", "es", 0, 10, Ct);
        Assert.Equal([new TranslationRecord("brave-otter-101", 1, "es", "hola", "hello there", 0, 900, 850, created)], spanish);

        // The upgraded schema is usable for the new columns as well as the old ones.
        Assert.True(await new SqliteUserStore(database).TryCreateAsync(new UserRecord("bob", "hash-of-bob", created, Disabled: true, TokenVersion: 3), Ct));
        Assert.Equal(new UserRecord("bob", "hash-of-bob", created, true, 3), await new SqliteUserStore(database).FindAsync("bob", Ct));
    }

    public void Dispose() => _file.Dispose();

    /// <summary>Migration 1 applied by the migrator itself, as a build that knew only version 1 left the file, then rows in the v1 columns.</summary>
    private async Task CreateVersion1DatabaseAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file.FilePath)!);
        await using var connection = new SqliteConnection($"Data Source={_file.FilePath};Pooling=False;Foreign Keys=True");
        await connection.OpenAsync(Ct);
        await ExecuteAsync(connection, "PRAGMA journal_mode = WAL;");
        var version = await SqliteMigrator.MigrateAsync(connection, SqliteMigrations.All.Take(1).ToList(), TimeProvider.System, NullLogger.Instance, Ct);
        Assert.Equal(1, version);
        Assert.True(SqliteMigrations.LatestVersion > 1, "the test needs at least one migration after version 1");

        await ExecuteAsync(connection, $$"""
            INSERT INTO users (username, password_hash, created_at) VALUES ('alice', 'hash-of-alice', {{CreatedMs}});
            INSERT INTO sessions (id, owner_id, source_language, quality_tier, status, created_at, updated_at, last_activity_at, expires_at, ended_at)
            VALUES ('brave-otter-101', 'alice', 'en', 'standard', 'paused', {{CreatedMs}}, {{CreatedMs}}, {{CreatedMs}}, {{CreatedMs + 4 * 3_600_000}}, NULL);
            INSERT INTO phrases (session_id, seq, source_text, start_ms, end_ms, created_at, timings_json)
            VALUES ('brave-otter-101', 1, 'hello there', 0, 900, {{CreatedMs}}, '{"recognised":120}'),
                   ('brave-otter-101', 2, 'good morning', 1200, 2100, {{CreatedMs}}, NULL);
            INSERT INTO translations (session_id, language, seq, text, source_text, start_ms, end_ms, audio_duration_ms, created_at)
            VALUES ('brave-otter-101', 'es', 1, 'hola', 'hello there', 0, 900, 850, {{CreatedMs}});
            """);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }
}
