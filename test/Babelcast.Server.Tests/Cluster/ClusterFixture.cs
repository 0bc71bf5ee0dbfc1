using System.Globalization;
using System.Security.Cryptography;
using Babelcast.Testing.Cluster;
using Babelcast.Testing.Host;
using Babelcast.Testing.Postgres;
using Npgsql;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Babelcast.Server.Tests.Cluster;

/// <summary>
/// A private redis-server and PostgreSQL for a class of multi-process cluster tests; each test gets its own schema,
/// key prefix and signing key (<see cref="NewDeployment"/>), so tests never see each other's sessions.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const string AdminPassword = "cluster-admin-password-1";

    private readonly PrivatePostgresServer _postgres = new();

    public RedisServer Redis { get; private set; } = null!;

    public ConnectionMultiplexer RedisClient { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _postgres.InitializeAsync();
        Redis = await RedisServer.StartAsync(CancellationToken.None, persistent: true);
        RedisClient = await ConnectionMultiplexer.ConnectAsync(Redis.ConnectionString + ",abortConnect=false");
    }

    /// <summary>The settings every node of one deployment shares (as an operator's environment file would).</summary>
    public async Task<Deployment> NewDeployment()
    {
        var storage = await _postgres.CreateSchemaAsync();
        var prefix = "t" + Guid.NewGuid().ToString("N")[..10];
        var settings = new Dictionary<string, string>
        {
            ["Babelcast:Storage:Provider"] = "postgres",
            ["Babelcast:Storage:Postgres:ConnectionString"] = storage,
            ["Babelcast:Cluster:Bus"] = "redis",
            ["Babelcast:Cluster:Redis:ConnectionString"] = Redis.ConnectionString,
            ["Babelcast:Cluster:Redis:KeyPrefix"] = prefix,
            ["Babelcast:Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["BABELCAST_ADMIN_PASSWORD"] = AdminPassword,
            ["Babelcast:RateLimits:WebSocketConnect:PermitLimit"] = "10000",
            ["Babelcast:RateLimits:Join:PermitLimit"] = "10000",
            ["Babelcast:RateLimits:SessionCreate:PermitLimit"] = "10000",
            ["Babelcast:RateLimits:Token:PermitLimit"] = "10000",
            ["Babelcast:Capacity:Shedding:Enabled"] = "false",
        };
        return new Deployment(settings, storage, prefix, RedisClient.GetDatabase());
    }

    /// <summary>
    /// Two in-process nodes of a fresh deployment: A a gateway, B with <paramref name="roleOfB"/>, both with
    /// <paramref name="overrides"/>. A starts first: it creates the admin account in the shared store.
    /// </summary>
    internal async Task<(BabelcastTestServer A, BabelcastTestServer B)> StartTwoNodesAsync(
        string roleOfB = "all", IReadOnlyDictionary<string, string>? overrides = null)
    {
        var deployment = await NewDeployment();
        var settings = deployment.Settings.ToDictionary(kv => kv.Key, kv => (string?)kv.Value);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        var a = await BabelcastTestServer.StartAsync(new Dictionary<string, string?>(settings)
        {
            ["Babelcast:Cluster:NodeId"] = "node-a",
            ["Babelcast:Cluster:Role"] = "gateway",
        });
        try
        {
            return (a, await BabelcastTestServer.StartAsync(new Dictionary<string, string?>(settings)
            {
                ["Babelcast:Cluster:NodeId"] = "node-b",
                ["Babelcast:Cluster:Role"] = roleOfB,
            }));
        }
        catch
        {
            await a.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Starts separate node processes on a fresh deployment (the first alone: it creates the admin account in the
    /// shared store, and the others start once it exists), runs the scenario, and on failure writes every node's output
    /// to the test's log.
    /// </summary>
    internal async Task RunAsync(
        ITestOutputHelper output, (string Name, string Role) first, (string Name, string Role)[] others, Func<Deployment, NodeSet, Task> scenario)
    {
        var deployment = await NewDeployment();
        await using var nodes = new NodeSet();
        try
        {
            await nodes.StartAsync(deployment, first);
            await nodes.StartAsync(deployment, others);
            await scenario(deployment, nodes);
        }
        catch
        {
            output.WriteLine(nodes.Outputs);
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        await RedisClient.DisposeAsync();
        await Redis.DisposeAsync();
        await _postgres.DisposeAsync();
    }
}

/// <summary>One deployment's shared settings, and direct looks at its Redis keys and PostgreSQL rows.</summary>
public sealed record Deployment(IReadOnlyDictionary<string, string> Settings, string Storage, string Prefix, IDatabase Redis)
{
    internal Task<NodeProcess> StartNodeAsync(string name, string role, CancellationToken cancellationToken = default) =>
        NodeProcess.StartAsync(name, new Dictionary<string, string>(Settings) { ["Babelcast:Cluster:Role"] = role }, cancellationToken);

    /// <summary>The node holding the session's lease ("node/generation"), or null.</summary>
    public async Task<(string Node, long Generation)?> OwnerAsync(string sessionId)
    {
        var value = await Redis.StringGetAsync($"{Prefix}:{{{sessionId}}}:lease");
        if (value.IsNull)
        {
            return null;
        }

        var text = value.ToString();
        var slash = text.LastIndexOf('/');
        return (text[..slash], long.Parse(text[(slash + 1)..], CultureInfo.InvariantCulture));
    }

    /// <summary>The stored phrases' seqs and texts, in seq order.</summary>
    public async Task<IReadOnlyList<(long Seq, string Text)>> StoredPhrasesAsync(string sessionId)
    {
        await using var connection = new NpgsqlConnection(Storage);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT seq, source_text FROM phrases WHERE session_id = @id ORDER BY seq", connection);
        command.Parameters.AddWithValue("id", sessionId);
        var phrases = new List<(long, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            phrases.Add((reader.GetInt64(0), reader.GetString(1)));
        }

        return phrases;
    }
}
