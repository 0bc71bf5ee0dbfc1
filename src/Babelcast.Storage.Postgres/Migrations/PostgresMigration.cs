namespace Babelcast.Storage.Postgres.Migrations;

/// <summary>One forward-only schema step. Never edit a released migration: add the next version instead.</summary>
internal sealed record PostgresMigration(int Version, string Name, string Sql);
