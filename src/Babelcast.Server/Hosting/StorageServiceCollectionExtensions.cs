using Babelcast.Storage.Postgres;
using Babelcast.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Hosting;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the store named by <c>Babelcast:Storage:Provider</c> and nothing of the others: each provider brings its
    /// own start-up work (migrations; for SQLite the database and audio directories). Shared by the server and the CLI.
    /// </summary>
    /// <exception cref="OptionsValidationException">The provider is not one of <see cref="StorageOptions.Providers"/>.</exception>
    public static IServiceCollection AddBabelcastStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration[StorageOptions.ProviderKey];
        switch (string.IsNullOrWhiteSpace(provider) ? StorageOptions.Sqlite : provider.Trim().ToLowerInvariant())
        {
            case StorageOptions.Sqlite:
                return services.AddSqliteStorage();
            case StorageOptions.Postgres:
                return services.AddPostgresStorage();
            default:
                // Thrown while registering, before anything starts: a wrong key must not leave a server on the wrong store.
                throw new OptionsValidationException(StorageOptions.ProviderKey, typeof(StorageOptions),
                    [$"{StorageOptions.ProviderKey} '{provider}' is not a storage provider; valid names: {string.Join(", ", StorageOptions.Providers)}."]);
        }
    }
}
