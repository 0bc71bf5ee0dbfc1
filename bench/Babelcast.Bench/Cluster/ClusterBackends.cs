using System.Globalization;
using System.Security.Cryptography;
using Babelcast.Testing.Cluster;
using Babelcast.Testing.Postgres;
using Npgsql;
using StackExchange.Redis;

namespace Babelcast.Bench.Cluster;

/// <summary>
/// A private redis-server and PostgreSQL on loopback (the cluster tests' own, from Babelcast.Testing) for one bench
/// run: both are stopped and their temporary directories deleted on dispose, also after a failed start.
/// </summary>
public sealed class ClusterBackends : IAsyncDisposable
{
    private readonly PrivatePostgresServer _postgres;
    private readonly RedisServer _redis;
    private readonly ConnectionMultiplexer _client;

    private ClusterBackends(PrivatePostgresServer postgres, RedisServer redis, ConnectionMultiplexer client)
    {
        _postgres = postgres;
        _redis = redis;
        _client = client;
    }

    public string RedisConnectionString => _redis.ConnectionString;

    /// <summary>The PostgreSQL data directory (postmaster.pid names the postmaster, parent of every backend).</summary>
    public string PostgresDataDirectory => Path.Combine(_postgres.SocketDirectory, "data");

    public string PostgresConnectionString => _postgres.ConnectionString;

    public IDatabase Redis => _client.GetDatabase();

    public static async Task<ClusterBackends> StartAsync(CancellationToken cancellationToken)
    {
        var postgres = new PrivatePostgresServer();
        await postgres.InitializeAsync(); // disposes itself when it fails half-way
        RedisServer? redis = null;
        try
        {
            redis = await RedisServer.StartAsync(cancellationToken);
            var client = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString + ",abortConnect=false,allowAdmin=true");
            return new ClusterBackends(postgres, redis, client);
        }
        catch
        {
            if (redis is not null)
            {
                await redis.DisposeAsync();
            }

            await postgres.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Settings for one deployment (a fresh schema, key prefix and signing key): with <paramref name="bus"/> false the
    /// node keeps the in-process bus and only its store is PostgreSQL.
    /// </summary>
    public async Task<Dictionary<string, string>> DeploymentAsync(bool bus, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Babelcast__Storage__Provider"] = "postgres",
            ["Babelcast__Storage__Postgres__ConnectionString"] = await _postgres.CreateSchemaAsync(cancellationToken),
            ["Babelcast__Auth__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
        if (bus)
        {
            settings["Babelcast__Cluster__Bus"] = "redis";
            settings["Babelcast__Cluster__Redis__ConnectionString"] = _redis.ConnectionString;
            settings["Babelcast__Cluster__Redis__KeyPrefix"] = "bench" + Guid.NewGuid().ToString("N")[..8];
        }

        return settings;
    }

    /// <summary>The node holding a session's lease (value "node/generation"), or null when nobody holds it.</summary>
    public async Task<string?> OwnerAsync(string prefix, string sessionId)
    {
        var value = await Redis.StringGetAsync($"{prefix}:{{{sessionId}}}:lease");
        if (value.IsNull)
        {
            return null;
        }

        var text = value.ToString();
        var slash = text.LastIndexOf('/');
        return slash < 0 ? text : text[..slash];
    }

    /// <summary>Every field of Redis's <c>INFO</c> (memory, cpu, ...), by name.</summary>
    public async Task<Dictionary<string, string>> RedisInfoAsync()
    {
        var text = (string?)await Redis.ExecuteAsync("INFO") ?? string.Empty;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && !line.StartsWith('#'))
            {
                fields[line[..colon]] = line[(colon + 1)..];
            }
        }

        return fields;
    }

    /// <summary>Bytes of the bench's database (every schema of the run), from <c>pg_database_size</c>.</summary>
    public async Task<long> DatabaseBytesAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(_postgres.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT pg_database_size(current_database())", connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _client.DisposeAsync();
            await _redis.DisposeAsync();
        }
        finally
        {
            await _postgres.DisposeAsync();
        }
    }
}
