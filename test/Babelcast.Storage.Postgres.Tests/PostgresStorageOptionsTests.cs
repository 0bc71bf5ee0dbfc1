using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Babelcast.Storage.Postgres.Tests;

/// <summary>Start-up validation: needs no server, so it runs outside the Cluster category.</summary>
public sealed class PostgresStorageOptionsTests
{
    [Theory]
    [InlineData(null, "is empty")]
    [InlineData("   ", "is empty")]
    [InlineData("Host=127.0.0.1;Bogus Key=1", "not a valid Npgsql connection string")]
    [InlineData("Database=babelcast;Username=babel", "names no Host")]
    public async Task AddPostgresStorage_MissingOrInvalidConnectionString_FailsAtStartNamingTheKey(string? connectionString, string reason)
    {
        using var host = BuildHost(new() { ["Babelcast:Storage:Postgres:ConnectionString"] = connectionString });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(CancellationToken.None));

        Assert.Contains("Babelcast:Storage:Postgres:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddPostgresStorage_InvalidConnectionStringWithPassword_DoesNotEchoThePassword()
    {
        using var host = BuildHost(new() { ["Babelcast:Storage:Postgres:ConnectionString"] = "Host=db;Password=hunter2-secret;Nonsense=x" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(CancellationToken.None));

        Assert.DoesNotContain("hunter2-secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPostgresStorage_CalledTwice_RegistersEachServiceOnce()
    {
        var services = new ServiceCollection();

        services.AddPostgresStorage();
        services.AddPostgresStorage();

        Assert.Single(services, d => d.ServiceType == typeof(Core.Storage.IUserStore));
        Assert.Single(services, d => d.ServiceType == typeof(Core.Storage.IPhraseAudioStore));
        Assert.Single(services, d => d.ImplementationType == typeof(PostgresStorageInitializationService));
    }

    internal static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddPostgresStorage();
        return builder.Build();
    }
}
