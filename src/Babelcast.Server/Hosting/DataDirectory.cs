namespace Babelcast.Server.Hosting;

/// <summary>
/// The data directory holds the database, the signing key and retained audio: created owner-only (0700 on Unix) so
/// that nothing in it is readable by other users, whatever the umask.
/// </summary>
internal static class DataDirectory
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static void Ensure(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            return; // An operator's existing directory keeps the mode they gave it.
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(full);
        }
        else
        {
            Directory.CreateDirectory(full, OwnerOnly);
        }
    }
}
