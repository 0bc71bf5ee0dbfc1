using Babelcast.Testing.Postgres;

namespace Babelcast.Storage.Postgres.Tests;

/// <summary>One private PostgreSQL server for every test class of this project; each test gets its own schema.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PrivatePostgresServer>
{
    public const string Name = "Postgres";
}
