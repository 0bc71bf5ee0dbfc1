using System.Text.Json;
using System.Text.RegularExpressions;

namespace Babelcast.EndToEnd.Tests;

/// <summary>The listener pages' message files (wwwroot/i18n/{lang}.json), read the way a reviewer reads them.</summary>
internal static partial class UiMessages
{
    public static IReadOnlyDictionary<string, string> Read(string language)
    {
        var path = Path.Combine(RepoPaths.Root, "src", "Babelcast.Server", "wwwroot", "i18n", language + ".json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
    }

    /// <summary>
    /// The fixed pieces of the English messages (the text around the {placeholders}) that must not show on a page in
    /// <paramref name="language"/>. A message the language writes exactly as English does ("Volume" in French) is left
    /// out; the key-completeness test allows only a few such words.
    /// </summary>
    public static IReadOnlyList<string> EnglishLeftovers(string language)
    {
        var own = Read(language);
        return Read("en")
            .Where(e => !own.TryGetValue(e.Key, out var text) || text != e.Value)
            .SelectMany(e => Placeholder().Split(e.Value))
            .Select(piece => piece.Trim(' ', '.', ',', ':', '…', '↓'))
            .Where(piece => piece.Length >= 4)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Whether <paramref name="text"/> contains <paramref name="piece"/> as whole words ("Volume" is not in "Volumen").</summary>
    public static bool ContainsWords(string text, string piece) =>
        Regex.IsMatch(text, @"(?<!\w)" + Regex.Escape(piece) + @"(?!\w)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    [GeneratedRegex(@"\{\w+\}")]
    private static partial Regex Placeholder();
}
