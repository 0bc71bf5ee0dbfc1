using Babelcast.Core.Storage;
using Babelcast.Storage.Sqlite.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Babelcast.Storage.Sqlite;

/// <summary>
/// Owns the connection string and the one-time schema set-up. Hands out one pooled connection per operation;
/// the first open migrates if the start-up initializer has not run yet, so store order never matters.
/// </summary>
internal sealed class SqliteDatabase : IStorageInitializer, IDisposable
{
    /// <summary>How long a writer waits for the lock held by another writer before failing with SQLITE_BUSY.</summary>
    internal const int BusyTimeoutMs = 15_000;

    // Set on every open because pooled connections may be fresh; synchronous=NORMAL is durable enough under WAL.
    private const string ConnectionPragmas = "PRAGMA busy_timeout = 15000; PRAGMA synchronous = NORMAL;";

    private readonly SemaphoreSlim _initGate = new(1, 1);
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<SqliteDatabase> _logger;
    private volatile bool _initialized;

    public SqliteDatabase(IOptions<SqliteStorageOptions> options, TimeProvider timeProvider, ILogger<SqliteDatabase> logger)
    {
        DatabasePath = options.Value.DatabasePath;
        _timeProvider = timeProvider;
        _logger = logger;
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = BusyTimeoutMs / 1000,
        }.ToString();
    }

    public string DatabasePath { get; }

    public string ConnectionString { get; }

    public async ValueTask InitializeAsync(CancellationToken cancellationToken)
    {
        if (_initialized)
        {
            return;
        }

        await _initGate.WaitAsync(cancellationToken);
        try
        {
            if (_initialized)
            {
                return;
            }

            _logger.OpeningDatabase(DatabasePath);
            PrivateFiles.Prepare(DatabasePath);

            await using var connection = await OpenRawAsync(cancellationToken);
            await EnableWalAsync(connection, cancellationToken);
            var version = await SqliteMigrator.MigrateAsync(connection, SqliteMigrations.All, _timeProvider, _logger, cancellationToken);
            _logger.SchemaReady(version);
            _initialized = true;
        }
        finally
        {
            _initGate.Release();
        }
    }

    /// <summary>An open connection with the per-connection pragmas set; the caller disposes it (back to the pool).</summary>
    public async ValueTask<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_initialized)
        {
            await InitializeAsync(cancellationToken);
        }

        return await OpenRawAsync(cancellationToken);
    }

    public void Dispose() => _initGate.Dispose();

    private async Task<SqliteConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = ConnectionPragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task EnableWalAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        // WAL is a property of the file: set once, it stays for every later connection.
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        var mode = Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            _logger.NotWal(mode);
        }
    }
}
