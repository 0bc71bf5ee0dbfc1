using System.Text.Json;

namespace Babelcast.Server.Models;

/// <summary>
/// The table of known models: the built-in one (whisper-models.json, embedded in the executable, with the sources of
/// its checksums) or an operator's own file of the same shape (<c>--catalog FILE</c>, <c>Babelcast:Models:Catalog</c>),
/// for a mirror with other files or for tests. Checked on load, so a typo in a checksum cannot pass for "unknown".
/// </summary>
internal sealed class ModelCatalog
{
    private const string ResourceName = "Babelcast.Server.Models.whisper-models.json";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private ModelCatalog(IReadOnlyList<ModelCatalogEntry> models) => Models = models;

    public IReadOnlyList<ModelCatalogEntry> Models { get; }

    public ModelCatalogEntry? Find(string name) =>
        Models.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.Ordinal));

    public ModelCatalogEntry? FindByFile(string fileName) =>
        Models.FirstOrDefault(m => string.Equals(m.File, fileName, StringComparison.Ordinal));

    public static ModelCatalog BuiltIn()
    {
        using var stream = typeof(ModelCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The built-in model table ({ResourceName}) is missing from the executable.");
        return Parse(stream, "the built-in model table");
    }

    /// <summary>Reads a catalog file; a missing or malformed file is an <see cref="InvalidOperationException"/> naming it.</summary>
    public static ModelCatalog Load(string path)
    {
        if (!System.IO.File.Exists(path))
        {
            throw new InvalidOperationException($"Model catalog '{path}' does not exist.");
        }

        using var stream = System.IO.File.OpenRead(path);
        return Parse(stream, $"model catalog '{path}'");
    }

    private static ModelCatalog Parse(Stream stream, string description)
    {
        CatalogDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<CatalogDocument>(stream, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"{description} is not valid JSON: {e.Message}", e);
        }

        var models = document?.Models ?? throw new InvalidOperationException($"{description} has no \"models\" array.");
        var problems = new List<string>();
        foreach (var model in models)
        {
            problems.AddRange(Check(model));
        }

        foreach (var duplicate in models.GroupBy(m => m.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"'{duplicate.Key}' appears more than once");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"{description} is invalid: {string.Join("; ", problems)}.");
        }

        return new ModelCatalog([.. models.Select(m => m with { Sha256 = m.Sha256?.ToLowerInvariant(), Sha1 = m.Sha1?.ToLowerInvariant() })]);
    }

    private static IEnumerable<string> Check(ModelCatalogEntry model)
    {
        if (string.IsNullOrWhiteSpace(model.Name))
        {
            yield return "a model has no name";
        }

        // The file name is joined to the base URL and to the model directory: no path may escape either.
        if (string.IsNullOrWhiteSpace(model.File) || model.File != Path.GetFileName(model.File) || model.File.Contains('\\', StringComparison.Ordinal)
            || model.File is "." or ".." || model.File.EndsWith(ModelFiles.PartialSuffix, StringComparison.Ordinal))
        {
            yield return $"'{model.Name}' has an invalid file name '{model.File}'";
        }

        if (model.Sha256 is not null && !Hex.IsHex(model.Sha256, 64))
        {
            yield return $"'{model.Name}' has a sha256 that is not 64 hex digits";
        }

        if (model.Sha1 is not null && !Hex.IsHex(model.Sha1, 40))
        {
            yield return $"'{model.Name}' has a sha1 that is not 40 hex digits";
        }

        if (model.Bytes is <= 0)
        {
            yield return $"'{model.Name}' has a non-positive length";
        }
    }

    private sealed class CatalogDocument
    {
        [System.Text.Json.Serialization.JsonPropertyName("models")]
        public List<ModelCatalogEntry>? Models { get; init; }
    }
}
