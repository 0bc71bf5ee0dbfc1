using Babelcast.Core.Storage;
using Babelcast.Storage.Postgres.Migrations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Babelcast.Storage.Postgres;

/// <summary>
/// Owns the pooled <see cref="NpgsqlDataSource"/> and the one-time schema set-up. Hands out one pooled connection
/// per operation; the first open migrates if the start-up initializer has not run yet, so store order never matters.
/// </summary>
internal sealed class PostgresDatabase : IStorageInitializer, IAsyncDisposable, IDisposable
{
    private const string DefaultApplicationName = "babelcast";

    private readonly SemaphoreSlim _initGate = new(1, 1);
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<PostgresDatabase> _logger;
    private volatile bool _initialized;

    public PostgresDatabase(IOptions<PostgresStorageOptions> options, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        var settings = options.Value;
        var builder = new NpgsqlDataSourceBuilder(settings.ConnectionString);
        var cs = builder.ConnectionStringBuilder;
        if (string.IsNullOrEmpty(cs.ApplicationName))
        {
            cs.ApplicationName = DefaultApplicationName;
        }

        if (settings.CommandTimeoutSeconds > 0)
        {
            cs.CommandTimeout = settings.CommandTimeoutSeconds;
        }

        builder.UseLoggerFactory(loggerFactory);
        _dataSource = builder.Build();
        Database = cs.Database;
        Host = cs.Host;
        Port = cs.Port;
        _timeProvider = timeProvider;
        _logger = loggerFactory.CreateLogger<PostgresDatabase>();
    }

    public string? Database { get; }

    public string? Host { get; }

    public int Port { get; }

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

            _logger.OpeningDatabase(Database, Host, Port);
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            var version = await PostgresMigrator.MigrateAsync(connection, PostgresMigrations.All, _timeProvider, _logger, cancellationToken);
            _logger.SchemaReady(version);
            _initialized = true;
        }
        finally
        {
            _initGate.Release();
        }
    }

    /// <summary>An open pooled connection; the caller disposes it (back to the pool).</summary>
    public async ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_initialized)
        {
            await InitializeAsync(cancellationToken);
        }

        return await _dataSource.OpenConnectionAsync(cancellationToken);
    }

    /// <summary>A command on a data-source connection that is returned to the pool when the command completes.</summary>
    public async ValueTask<NpgsqlCommand> CommandAsync(string sql, CancellationToken cancellationToken)
    {
        if (!_initialized)
        {
            await InitializeAsync(cancellationToken);
        }

        return _dataSource.CreateCommand(sql);
    }

    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        _initGate.Dispose();
    }

    public void Dispose()
    {
        _dataSource.Dispose();
        _initGate.Dispose();
    }
}
