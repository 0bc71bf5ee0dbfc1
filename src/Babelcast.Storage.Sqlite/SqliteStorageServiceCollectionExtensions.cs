using Babelcast.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Babelcast.Storage.Sqlite;

public static class SqliteStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the embedded stores (<see cref="IUserStore"/>, <see cref="ISessionStore"/>,
    /// <see cref="ITranscriptStore"/> in SQLite; <see cref="IPhraseAudioStore"/> as files) and an <see cref="IStorageInitializer"/> that a hosted service runs at start.
    /// Every registration uses TryAdd, so a backend registered earlier (PostgreSQL) keeps its own.
    /// Options: <c>Babelcast:Storage:Sqlite</c> (<see cref="SqliteStorageOptions"/>), validated at start.
    /// </summary>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services)
    {
        services.AddOptions<SqliteStorageOptions>().BindConfiguration(SqliteStorageOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<SqliteStorageOptions>, SqliteStorageOptionsSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteStorageOptions>, SqliteStorageOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SqliteDatabase>();
        services.TryAddSingleton<IStorageInitializer>(sp => sp.GetRequiredService<SqliteDatabase>());
        services.TryAddSingleton<IUserStore, SqliteUserStore>();
        services.TryAddSingleton<ISessionStore, SqliteSessionStore>();
        services.TryAddSingleton<ITranscriptStore, SqliteTranscriptStore>();
        services.TryAddSingleton<IGlossaryStore, SqliteGlossaryStore>();
        services.TryAddSingleton<IOperatorStore, SqliteOperatorStore>();
        services.TryAddSingleton<IPhraseAudioStore>(sp => new FilePhraseAudioStore(
            sp.GetRequiredService<IOptions<SqliteStorageOptions>>().Value.AudioDirectory, sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<SqliteStorageInitializationService>();
        return services;
    }
}
