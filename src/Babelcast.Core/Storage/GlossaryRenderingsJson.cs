using System.Text.Json;

namespace Babelcast.Core.Storage;

/// <summary>How stores keep an entry's renderings in one column: a JSON object of language code to text.</summary>
public static class GlossaryRenderingsJson
{
    public static string Write(IReadOnlyDictionary<string, string> renderings) =>
        JsonSerializer.Serialize(renderings.OrderBy(r => r.Key, StringComparer.Ordinal).ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal));

    public static IReadOnlyDictionary<string, string> Read(string json) =>
        new Dictionary<string, string>(JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [], StringComparer.OrdinalIgnoreCase);
}
