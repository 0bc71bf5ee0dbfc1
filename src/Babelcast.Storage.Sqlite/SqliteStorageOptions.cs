namespace Babelcast.Storage.Sqlite;

/// <summary>Settings of the embedded store (SQLite database, audio files), bound from <c>Babelcast:Storage:Sqlite</c>.</summary>
public sealed class SqliteStorageOptions
{
    public const string SectionName = "Babelcast:Storage:Sqlite";

    /// <summary>
    /// The database file. When empty it becomes <c>{Babelcast:DataDirectory}/babelcast.db</c> (the data directory
    /// defaults to <c>./data</c>); relative paths resolve against the current directory.
    /// </summary>
    public string DatabasePath { get; set; } = string.Empty;

    /// <summary>
    /// Where phrase audio is kept as files (<c>{session}/{language}/{seq}.mp3</c>). When empty it becomes
    /// <c>{Babelcast:DataDirectory}/audio</c>; relative paths resolve against the current directory.
    /// </summary>
    public string AudioDirectory { get; set; } = string.Empty;
}
