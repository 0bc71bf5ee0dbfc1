using Babelcast.Core.Storage;
using Babelcast.Server.Cli;
using Babelcast.Server.Hosting;
using Babelcast.Storage.Postgres;
using Babelcast.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Tests.Storage;

/// <summary><c>Babelcast:Storage:Provider</c> picks exactly one provider; a bad name or connection string stops the start.</summary>
public sealed class StorageProviderTests
{
    private static readonly System.Reflection.Assembly SqliteAssembly = typeof(SqliteStorageOptions).Assembly;
    private static readonly System.Reflection.Assembly PostgresAssembly = typeof(PostgresStorageOptions).Assembly;

    [Theory]
    [InlineData(null)]
    [InlineData("sqlite")]
    [InlineData("SQLite")]
    public void AddBabelcastStorage_SqliteOrUnset_RegistersOnlySqlite(string? provider)
    {
        var services = Register(provider);

        Assert.Contains(services, d => FromAssembly(d, SqliteAssembly) && d.ServiceType == typeof(IUserStore));
        Assert.Contains(services, d => FromAssembly(d, SqliteAssembly) && d.ServiceType == typeof(IPhraseAudioStore));
        Assert.DoesNotContain(services, d => FromAssembly(d, PostgresAssembly));
    }

    [Fact]
    public void AddBabelcastStorage_Postgres_RegistersOnlyPostgres()
    {
        var services = Register("postgres");

        foreach (var store in new[] { typeof(IUserStore), typeof(ISessionStore), typeof(ITranscriptStore), typeof(IPhraseAudioStore) })
        {
            Assert.Contains(services, d => FromAssembly(d, PostgresAssembly) && d.ServiceType == store);
        }

        Assert.DoesNotContain(services, d => FromAssembly(d, SqliteAssembly));
    }

    [Theory]
    [InlineData("mysql")]
    [InlineData("postgresql")]
    public void AddBabelcastStorage_UnknownProvider_ThrowsNamingTheKeyAndTheValidNames(string provider)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Register(provider));

        Assert.Contains("Babelcast:Storage:Provider", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{provider}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("sqlite, postgres", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersList_PostgresWithoutConnectionString_Returns1NamingTheKey()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await UsersCommand.RunAsync(["list", "--Babelcast:Storage:Provider", "postgres"], TextReader.Null, output, error, CancellationToken.None);

        Assert.Equal(UsersCommand.Failure, code);
        Assert.Contains("Babelcast:Storage:Postgres:ConnectionString", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersList_UnknownProvider_Returns1NamingTheKey()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await UsersCommand.RunAsync(["list", "--Babelcast:Storage:Provider", "mongo"], TextReader.Null, output, error, CancellationToken.None);

        Assert.Equal(UsersCommand.Failure, code);
        Assert.Contains("Babelcast:Storage:Provider", error.ToString(), StringComparison.Ordinal);
    }

    private static bool FromAssembly(ServiceDescriptor d, System.Reflection.Assembly assembly) =>
        d.ImplementationType?.Assembly == assembly || d.ImplementationInstance?.GetType().Assembly == assembly ||
        d.ServiceType.Assembly == assembly || d.ImplementationFactory?.Method.DeclaringType?.Assembly == assembly;

    private static ServiceCollection Register(string? provider)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Babelcast:Storage:Provider"] = provider })
            .Build();
        var services = new ServiceCollection();
        services.AddBabelcastStorage(configuration);
        return services;
    }
}
