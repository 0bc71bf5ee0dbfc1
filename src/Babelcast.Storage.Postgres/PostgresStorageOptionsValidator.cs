using Microsoft.Extensions.Options;
using Npgsql;

namespace Babelcast.Storage.Postgres;

internal sealed class PostgresStorageOptionsValidator : IValidateOptions<PostgresStorageOptions>
{
    private const string Key = PostgresStorageOptions.SectionName + ":ConnectionString";

    public ValidateOptionsResult Validate(string? name, PostgresStorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail($"{Key} is empty: the postgres storage provider needs a connection string.");
        }

        if (options.CommandTimeoutSeconds < 0)
        {
            return ValidateOptionsResult.Fail($"{PostgresStorageOptions.SectionName}:CommandTimeoutSeconds must not be negative.");
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
        {
            // The message would echo the string, password included: name the key and the reason only.
            return ValidateOptionsResult.Fail($"{Key} is not a valid Npgsql connection string ({e.GetType().Name}).");
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            return ValidateOptionsResult.Fail($"{Key} names no Host.");
        }

        return ValidateOptionsResult.Success;
    }
}
