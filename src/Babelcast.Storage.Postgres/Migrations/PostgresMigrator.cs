using Microsoft.Extensions.Logging;
using Npgsql;

namespace Babelcast.Storage.Postgres.Migrations;

/// <summary>
/// Applies pending migrations, each in its own transaction (DDL is transactional in PostgreSQL) under a
/// transaction-scoped advisory lock, so that several nodes starting together apply each step exactly once.
/// </summary>
internal static class PostgresMigrator
{
    /// <summary>The advisory lock key ("Babelcast schema"); any constant shared by every node works.</summary>
    internal const long LockKey = 0x4261_6265_6C53_6368;

    private const string CreateVersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version    integer     NOT NULL PRIMARY KEY,
            name       text        NOT NULL,
            applied_at timestamptz NOT NULL
        );
        """;

    public static async Task<int> MigrateAsync(
        NpgsqlConnection connection,
        IReadOnlyList<PostgresMigration> migrations,
        TimeProvider timeProvider,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        // Two concurrent CREATE TABLE IF NOT EXISTS can still collide in the catalogue: take the lock first.
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            await LockAsync(connection, transaction, cancellationToken);
            await ExecuteAsync(connection, transaction, CreateVersionTable, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var latest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        var current = await GetVersionAsync(connection, null, cancellationToken);
        if (current > latest)
        {
            throw new InvalidOperationException(
                $"The database schema is at version {current} but this build knows only up to {latest}; refusing to run against a newer database.");
        }

        foreach (var migration in migrations.Where(m => m.Version > current))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await LockAsync(connection, transaction, cancellationToken);

            // Another node may have applied it while we waited for the lock.
            if (await GetVersionAsync(connection, transaction, cancellationToken) >= migration.Version)
            {
                continue;
            }

            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
            await using (var insert = new NpgsqlCommand("INSERT INTO schema_version (version, name, applied_at) VALUES ($1, $2, $3);", connection, transaction))
            {
                insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = migration.Version });
                insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Name });
                insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = timeProvider.GetUtcNow().ToUniversalTime() });
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            logger.MigrationApplied(migration.Version, migration.Name);
        }

        return await GetVersionAsync(connection, null, cancellationToken);
    }

    public static async Task<int> GetVersionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_version;", connection, transaction);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1);", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = LockKey });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
