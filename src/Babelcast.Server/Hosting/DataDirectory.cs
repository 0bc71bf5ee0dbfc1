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

    /// <summary>
    /// Writes a file that only the owner may read (0600 on Unix, from its creation on), creating its directory 0700;
    /// through a temporary file, so a reader never sees half of it.
    /// </summary>
    public static void WriteOwnerOnlyFile(string path, string contents)
    {
        Ensure(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(temp, System.Text.Encoding.ASCII, options))
        {
            writer.Write(contents);
        }

        File.Move(temp, path, overwrite: true);
    }
}
