namespace Babelcast.Storage.Sqlite;

/// <summary>
/// The database holds password hashes and transcripts: its directory is created 0700 and the files are 0600 on Unix.
/// SQLite gives its -wal and -shm files the mode of the database file, so creating that one first is enough.
/// </summary>
internal static class PrivateFiles
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = OwnerOnlyFile | UnixFileMode.UserExecute;

    public static void Prepare(string databasePath)
    {
        var directory = Path.GetDirectoryName(databasePath);
        if (OperatingSystem.IsWindows())
        {
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            return;
        }

        if (!string.IsNullOrEmpty(directory) && !Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory, OwnerOnlyDirectory);
        }

        if (databasePath.Length == 0 || databasePath == ":memory:" || databasePath.StartsWith("file:", StringComparison.Ordinal))
        {
            return;
        }

        try
        {
            // An empty file is a valid new database; creating it here fixes its mode before SQLite writes anything.
            using var _ = new FileStream(databasePath, new FileStreamOptions
            {
                Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnlyFile,
            });
        }
        catch (IOException) when (File.Exists(databasePath))
        {
            // An existing database (perhaps from a version that did not restrict it): tightened below.
        }

        foreach (var path in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
        {
            if (File.Exists(path) && (File.GetUnixFileMode(path) & ~OwnerOnlyFile) != 0)
            {
                File.SetUnixFileMode(path, OwnerOnlyFile);
            }
        }
    }
}
