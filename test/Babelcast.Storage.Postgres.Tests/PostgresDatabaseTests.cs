using Babelcast.Core.Storage;
using Babelcast.Storage.Postgres.Migrations;
using Babelcast.Testing.Contracts;
using Babelcast.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Babelcast.Storage.Postgres.Tests;

[Collection(PostgresCollection.Name)]
[Trait("Category", "Cluster")]
public sealed class PostgresDatabaseTests(PrivatePostgresServer server) : IAsyncLifetime
{
    private readonly TempSchema _schema = new(server);

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task AddPostgresStorage_HostStarts_MigratesAndRegistersThePostgresStores()
    {
        using var host = PostgresStorageOptionsTests.BuildHost(new() { ["Babelcast:Storage:Postgres:ConnectionString"] = await _schema.ConnectionStringAsync() });

        await host.StartAsync(Ct);

        Assert.Equal(PostgresMigrations.LatestVersion, await VersionAsync());
        Assert.IsType<PostgresUserStore>(host.Services.GetRequiredService<IUserStore>());
        Assert.IsType<PostgresTranscriptStore>(host.Services.GetRequiredService<ITranscriptStore>());
        Assert.IsType<PostgresPhraseAudioStore>(host.Services.GetRequiredService<IPhraseAudioStore>());
        var sessions = host.Services.GetRequiredService<ISessionStore>();
        Assert.IsType<PostgresSessionStore>(sessions);
        Assert.True(await sessions.TryCreateAsync(StoreSamples.Session("s-1"), Ct));
        await host.StopAsync(Ct);
    }

    [Fact]
    public async Task InitializeAsync_ServerUnreachable_FailsWithNpgsqlException()
    {
        var cs = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Port = 1, Timeout = 2 }.ConnectionString;
        using var host = PostgresStorageOptionsTests.BuildHost(new() { ["Babelcast:Storage:Postgres:ConnectionString"] = cs });

        await Assert.ThrowsAnyAsync<NpgsqlException>(() => host.StartAsync(Ct));
    }

    [Fact]
    public async Task InitializeAsync_FourNodesAtOnce_AppliesEveryMigrationOnce()
    {
        var nodes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _schema.OpenAsync()));

        await Task.WhenAll(nodes.Select(n => n.InitializeAsync(Ct).AsTask()));

        await using var command = await CommandAsync("SELECT COUNT(*), COUNT(DISTINCT version), MAX(version) FROM schema_version;");
        await using var reader = await command.ExecuteReaderAsync(Ct);
        Assert.True(await reader.ReadAsync(Ct));
        Assert.Equal(PostgresMigrations.All.Count, reader.GetInt64(0));
        Assert.Equal(PostgresMigrations.All.Count, reader.GetInt64(1));
        Assert.Equal(PostgresMigrations.LatestVersion, reader.GetInt32(2));
    }

    [Fact]
    public async Task InitializeAsync_Reopened_KeepsDataAndVersion()
    {
        var first = await _schema.OpenAsync();
        await new PostgresUserStore(first).TryCreateAsync(new UserRecord("alice", "hash", StoreSamples.T0), Ct);

        var second = await _schema.OpenAsync();
        await second.InitializeAsync(Ct);

        Assert.Equal("hash", (await new PostgresUserStore(second).FindAsync("alice", Ct))?.PasswordHash);
        Assert.Equal(PostgresMigrations.LatestVersion, await VersionAsync());
    }

    [Fact]
    public async Task InitializeAsync_SchemaNewerThanBuild_Refuses()
    {
        await (await _schema.OpenAsync()).InitializeAsync(Ct);
        await using (var command = await CommandAsync("INSERT INTO schema_version (version, name, applied_at) VALUES (999, 'future', now());"))
        {
            await command.ExecuteNonQueryAsync(Ct);
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await (await _schema.OpenAsync()).InitializeAsync(Ct));

        Assert.Contains("999", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddTranslationAsync_ConcurrentDuplicatesFromTwoNodes_StoresOneRow()
    {
        var (a, b) = (await _schema.OpenAsync(), await _schema.OpenAsync());
        await new PostgresSessionStore(a).TryCreateAsync(StoreSamples.Session("s-1"), Ct);
        var (ta, tb) = (new PostgresTranscriptStore(a), new PostgresTranscriptStore(b));

        await Task.WhenAll(Enumerable.Range(1, 20).SelectMany(seq => new[]
        {
            ta.AddTranslationAsync(StoreSamples.Translation("s-1", seq, "es", "first"), Ct).AsTask(),
            tb.AddTranslationAsync(StoreSamples.Translation("s-1", seq, "es", "second"), Ct).AsTask(),
        }));

        var stored = await ta.GetTranslationsAsync("s-1", "es", 0, 100, Ct);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), stored.Select(t => t.Seq));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _schema.DisposeAsync().AsTask();

    private async Task<int> VersionAsync()
    {
        await using var command = await CommandAsync("SELECT MAX(version) FROM schema_version;");
        return Convert.ToInt32(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<NpgsqlCommand> CommandAsync(string sql)
    {
        var database = await _schema.OpenAsync();
        return await database.CommandAsync(sql, Ct);
    }
}
