namespace Babelcast.Storage.Postgres;

/// <summary>Settings of the PostgreSQL store (cluster mode), bound from <c>Babelcast:Storage:Postgres</c>.</summary>
public sealed class PostgresStorageOptions
{
    public const string SectionName = "Babelcast:Storage:Postgres";

    /// <summary>
    /// An Npgsql connection string, e.g. <c>Host=db;Port=5432;Database=babelcast;Username=babel;Password=...</c>.
    /// <c>Search Path=NAME</c> puts the tables in that (existing) schema. Required.
    /// </summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Seconds a statement may run before it is cancelled; 0 leaves the connection string's value.</summary>
    public int CommandTimeoutSeconds { get; set; } = 30;
}
