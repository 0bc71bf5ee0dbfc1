using Babelcast.Server.Hosting;

namespace Babelcast.Server.Models;

/// <summary>
/// Where models live: <c>Babelcast:Recognition:Whisper:ModelDirectory</c> when set, else a <c>models</c> folder in the
/// data directory. A download is written to <c>FILE.partial</c> beside its final name and renamed when verified,
/// so a file under its final name is always a complete one.
/// </summary>
internal sealed class ModelFiles(string directory)
{
    public const string PartialSuffix = ".partial";
    public const string DirectoryKey = "Babelcast:Recognition:Whisper:ModelDirectory";

    public string Directory { get; } = Path.GetFullPath(directory);

    public static ModelFiles FromConfiguration(IConfiguration configuration)
    {
        var configured = configuration[DirectoryKey];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new ModelFiles(configured);
        }

        var data = configuration[BabelcastOptions.Section + ":" + nameof(BabelcastOptions.DataDirectory)];
        return new ModelFiles(Path.Combine(string.IsNullOrWhiteSpace(data) ? new BabelcastOptions().DataDirectory : data, "models"));
    }

    public string PathOf(ModelCatalogEntry model) => Path.Combine(Directory, model.File);

    public string PartialPathOf(ModelCatalogEntry model) => PathOf(model) + PartialSuffix;

    /// <summary>The model files present (not partial downloads), by file name.</summary>
    public IReadOnlyList<string> InstalledFiles() =>
        System.IO.Directory.Exists(Directory)
            ? [.. System.IO.Directory.EnumerateFiles(Directory)
                .Where(f => !f.EndsWith(PartialSuffix, StringComparison.Ordinal) && f.EndsWith(".bin", StringComparison.Ordinal))
                .Select(f => Path.GetFileName(f))
                .Order(StringComparer.Ordinal)]
            : [];

    /// <summary>Creates the directory owner-only (as the data directory is) if it does not exist yet.</summary>
    public void Ensure() => DataDirectory.Ensure(Directory);

    public static long? LengthOf(string path) => File.Exists(path) ? new FileInfo(path).Length : null;

    public static string Mebibytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " MiB";
}
