using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Babelcast.Storage.Sqlite;

/// <summary>Fills in the default database path and audio directory from the shared data directory and makes the path absolute.</summary>
internal sealed class SqliteStorageOptionsSetup(IConfiguration configuration) : IPostConfigureOptions<SqliteStorageOptions>
{
    public const string DataDirectoryKey = "Babelcast:DataDirectory";
    public const string DefaultDataDirectory = "./data";
    public const string DefaultFileName = "babelcast.db";
    public const string DefaultAudioFolder = "audio";

    public void PostConfigure(string? name, SqliteStorageOptions options)
    {
        var dataDirectory = configuration[DataDirectoryKey];
        if (string.IsNullOrWhiteSpace(dataDirectory))
        {
            dataDirectory = DefaultDataDirectory;
        }

        if (string.IsNullOrWhiteSpace(options.AudioDirectory))
        {
            options.AudioDirectory = Path.Combine(dataDirectory, DefaultAudioFolder);
        }

        try
        {
            options.AudioDirectory = Path.GetFullPath(options.AudioDirectory);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            // Left as given: the validator reports it with the option's name.
        }

        if (string.IsNullOrWhiteSpace(options.DatabasePath))
        {
            options.DatabasePath = Path.Combine(dataDirectory, DefaultFileName);
        }

        if (options.DatabasePath.StartsWith(':') || options.DatabasePath.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            // Special names and URIs are not files; leave them for the validator to reject.
            return;
        }

        try
        {
            options.DatabasePath = Path.GetFullPath(options.DatabasePath);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            // Left as given: the validator reports it with the option's name.
        }
    }
}
