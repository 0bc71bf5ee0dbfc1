namespace Babelcast.Server.Models;

/// <summary>
/// Resolves <c>Babelcast:Recognition:Whisper:ModelPath</c>: a path is taken as it is; a bare name that is no file
/// here is looked up in the <c>babelcast models</c> table (by model name, e.g. "base.en", or file name) and found in
/// the model directory, where <c>babelcast models download</c> puts it; any other file name is looked for there too.
/// </summary>
internal static class WhisperModelPath
{
    public static string? Resolve(string? configured, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configured) || File.Exists(configured)
            || configured.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) || configured.Contains('/', StringComparison.Ordinal))
        {
            return configured;
        }

        var files = ModelFiles.FromConfiguration(configuration);
        var catalogPath = configuration[ModelsOptions.Section + ":" + nameof(ModelsOptions.Catalog)];
        var catalog = string.IsNullOrWhiteSpace(catalogPath) ? ModelCatalog.BuiltIn() : ModelCatalog.Load(catalogPath);
        if ((catalog.Find(configured) ?? catalog.FindByFile(configured)) is { } model)
        {
            return files.PathOf(model);
        }

        var inDirectory = Path.Combine(files.Directory, configured);
        return File.Exists(inDirectory) ? inDirectory : configured;
    }
}
