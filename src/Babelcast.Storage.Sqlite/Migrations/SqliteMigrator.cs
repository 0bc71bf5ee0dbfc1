using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Babelcast.Storage.Sqlite.Migrations;

/// <summary>Applies pending migrations, each in its own IMMEDIATE transaction so that two processes cannot both apply one.</summary>
internal static class SqliteMigrator
{
    private const string CreateVersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version    INTEGER NOT NULL PRIMARY KEY,
            name       TEXT    NOT NULL,
            applied_at INTEGER NOT NULL
        );
        """;

    public static async Task<int> MigrateAsync(
        SqliteConnection connection,
        IReadOnlyList<SqliteMigration> migrations,
        TimeProvider timeProvider,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, null, CreateVersionTable, cancellationToken);
        var latest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        var current = await GetVersionAsync(connection, null, cancellationToken);
        if (current > latest)
        {
            throw new InvalidOperationException(
                $"The database schema is at version {current} but this build knows only up to {latest}; refusing to run against a newer database.");
        }

        foreach (var migration in migrations.Where(m => m.Version > current))
        {
            // Not deferred: BEGIN IMMEDIATE takes the write lock at once (Microsoft.Data.Sqlite defers only ReadUncommitted).
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);

            // Another process may have applied it while we waited for the write lock.
            if (await GetVersionAsync(connection, transaction, cancellationToken) >= migration.Version)
            {
                continue;
            }

            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
            await using (var insert = connection.CreateCommand())
            {
                insert.Transaction = transaction;
                insert.CommandText = "INSERT INTO schema_version (version, name, applied_at) VALUES ($version, $name, $at);";
                insert.Parameters.AddWithValue("$version", migration.Version);
                insert.Parameters.AddWithValue("$name", migration.Name);
                insert.Parameters.AddWithValue("$at", timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            logger.MigrationApplied(migration.Version, migration.Name);
        }

        return await GetVersionAsync(connection, null, cancellationToken);
    }

    public static async Task<int> GetVersionAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version;";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
