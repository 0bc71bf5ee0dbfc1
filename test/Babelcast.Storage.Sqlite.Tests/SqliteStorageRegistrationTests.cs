using Babelcast.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Babelcast.Storage.Sqlite.Tests;

public sealed class SqliteStorageRegistrationTests : IDisposable
{
    private readonly TempDatabase _file = new();

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task AddSqliteStorage_HostStarts_MigratesDefaultPathUnderDataDirectory()
    {
        var dataDirectory = Path.Combine(_file.DirectoryPath, "data");
        using var host = BuildHost(new() { ["Babelcast:DataDirectory"] = dataDirectory });

        await host.StartAsync(Ct);

        var expected = Path.Combine(dataDirectory, "babelcast.db");
        Assert.Equal(expected, host.Services.GetRequiredService<IOptions<SqliteStorageOptions>>().Value.DatabasePath);
        Assert.True(File.Exists(expected));
        var sessions = host.Services.GetRequiredService<ISessionStore>();
        Assert.Same(sessions, host.Services.GetRequiredService<ISessionStore>());
        Assert.True(await sessions.TryCreateAsync(Testing.Contracts.StoreSamples.Session("s-1"), Ct));
        Assert.IsType<SqliteUserStore>(host.Services.GetRequiredService<IUserStore>());
        Assert.IsType<SqliteTranscriptStore>(host.Services.GetRequiredService<ITranscriptStore>());
        await host.StopAsync(Ct);
    }

    [Fact]
    public async Task AddSqliteStorage_DataDirectory_PutsPhraseAudioFilesUnderItsAudioFolder()
    {
        var dataDirectory = Path.Combine(_file.DirectoryPath, "data");
        using var host = BuildHost(new() { ["Babelcast:DataDirectory"] = dataDirectory });

        var audio = Assert.IsType<FilePhraseAudioStore>(host.Services.GetRequiredService<IPhraseAudioStore>());
        await audio.SaveAsync("s-1", 1, "es", new byte[] { 7 }, Ct);

        Assert.Equal(Path.Combine(dataDirectory, "audio"), audio.RootDirectory);
        Assert.True(File.Exists(Path.Combine(dataDirectory, "audio", "s-1", "es", "1.mp3")));
    }

    [Fact]
    public void AddSqliteStorage_ExplicitAudioDirectory_Wins()
    {
        var directory = Path.Combine(_file.DirectoryPath, "elsewhere");
        using var host = BuildHost(new() { ["Babelcast:DataDirectory"] = "/nowhere", ["Babelcast:Storage:Sqlite:AudioDirectory"] = directory });

        Assert.Equal(directory, Assert.IsType<FilePhraseAudioStore>(host.Services.GetRequiredService<IPhraseAudioStore>()).RootDirectory);
    }

    [Fact]
    public async Task AddSqliteStorage_AudioDirectoryIsAFile_FailsAtStartNamingTheKey()
    {
        Directory.CreateDirectory(_file.DirectoryPath);
        var file = Path.Combine(_file.DirectoryPath, "a-file");
        await File.WriteAllTextAsync(file, "x", Ct);
        using var host = BuildHost(new() { ["Babelcast:Storage:Sqlite:AudioDirectory"] = file, ["Babelcast:DataDirectory"] = _file.DirectoryPath });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Ct));

        Assert.Contains("Babelcast:Storage:Sqlite:AudioDirectory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSqliteStorage_ExplicitRelativePath_ResolvesAgainstCurrentDirectory()
    {
        using var host = BuildHost(new() { ["Babelcast:Storage:Sqlite:DatabasePath"] = "some/dir/x.db" });

        var path = host.Services.GetRequiredService<IOptions<SqliteStorageOptions>>().Value.DatabasePath;

        Assert.Equal(Path.GetFullPath("some/dir/x.db"), path);
    }

    [Fact]
    public void AddSqliteStorage_NoConfiguration_DefaultsToDataFolderInCurrentDirectory()
    {
        using var host = BuildHost([]);

        var path = host.Services.GetRequiredService<IOptions<SqliteStorageOptions>>().Value.DatabasePath;

        Assert.Equal(Path.GetFullPath(Path.Combine("data", "babelcast.db")), path);
    }

    [Theory]
    [InlineData(":memory:")]
    [InlineData("/tmp/")]
    public async Task AddSqliteStorage_InvalidPath_FailsAtStart(string databasePath)
    {
        using var host = BuildHost(new() { ["Babelcast:Storage:Sqlite:DatabasePath"] = databasePath });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Ct));

        Assert.Contains("DatabasePath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSqliteStorage_StoreRegisteredBefore_KeepsThatStore()
    {
        var services = new ServiceCollection();
        var other = new SqliteUserStore(_file.Open());
        services.AddSingleton<IUserStore>(other);

        services.AddSqliteStorage();
        services.AddSqliteStorage();

        Assert.Single(services, d => d.ServiceType == typeof(IUserStore));
        Assert.Same(other, services.Single(d => d.ServiceType == typeof(IUserStore)).ImplementationInstance);
        Assert.Single(services, d => d.ServiceType == typeof(ISessionStore));
        Assert.Single(services, d => d.ImplementationType == typeof(SqliteStorageInitializationService));
    }

    public void Dispose() => _file.Dispose();

    private static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSqliteStorage();
        return builder.Build();
    }
}
