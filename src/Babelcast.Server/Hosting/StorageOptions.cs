namespace Babelcast.Server.Hosting;

/// <summary>Which store backs users, sessions, transcripts and phrase audio (section <c>Babelcast:Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string Section = "Babelcast:Storage";
    public const string ProviderKey = Section + ":Provider";
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary>The valid provider names, in the order the error message lists them.</summary>
    public static IReadOnlyList<string> Providers { get; } = [Sqlite, Postgres];

    /// <summary><c>sqlite</c> (embedded, the default) or <c>postgres</c> (cluster mode).</summary>
    public string Provider { get; set; } = Sqlite;
}
