namespace Babelcast.Storage.Sqlite.Migrations;

/// <summary>One forward-only schema step. Never edit a released migration: add the next version instead.</summary>
internal sealed record SqliteMigration(int Version, string Name, string Sql);
