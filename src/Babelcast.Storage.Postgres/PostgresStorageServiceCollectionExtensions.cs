using Babelcast.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Babelcast.Storage.Postgres;

public static class PostgresStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the PostgreSQL stores (<see cref="IUserStore"/>, <see cref="ISessionStore"/>, <see cref="ITranscriptStore"/>,
    /// <see cref="IPhraseAudioStore"/> as bytea rows) and an <see cref="IStorageInitializer"/> that migrates at start.
    /// Every registration uses TryAdd. Options: <c>Babelcast:Storage:Postgres</c> (<see cref="PostgresStorageOptions"/>);
    /// a missing or malformed connection string fails start-up with the key's name.
    /// </summary>
    public static IServiceCollection AddPostgresStorage(this IServiceCollection services)
    {
        services.AddOptions<PostgresStorageOptions>().BindConfiguration(PostgresStorageOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgresStorageOptions>, PostgresStorageOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PostgresDatabase>();
        services.TryAddSingleton<IStorageInitializer>(sp => sp.GetRequiredService<PostgresDatabase>());
        services.TryAddSingleton<IUserStore, PostgresUserStore>();
        services.TryAddSingleton<ISessionStore, PostgresSessionStore>();
        services.TryAddSingleton<ITranscriptStore, PostgresTranscriptStore>();
        services.TryAddSingleton<IGlossaryStore, PostgresGlossaryStore>();
        services.TryAddSingleton<IOperatorStore, PostgresOperatorStore>();
        services.TryAddSingleton<IPhraseAudioStore, PostgresPhraseAudioStore>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, PostgresStorageInitializationService>());
        return services;
    }
}
