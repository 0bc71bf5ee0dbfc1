namespace Babelcast.Engines.Apertium.Routing;

/// <summary>Maps Apertium's language codes (ISO 639-3 or 639-1) to the API's ISO 639-1 codes.</summary>
internal static class LanguageCodes
{
    private static readonly Dictionary<string, string> ThreeToTwo = new(StringComparer.OrdinalIgnoreCase)
    {
        ["eng"] = "en", ["spa"] = "es", ["cat"] = "ca", ["fra"] = "fr", ["por"] = "pt", ["ita"] = "it",
        ["glg"] = "gl", ["epo"] = "eo", ["oci"] = "oc", ["ron"] = "ro", ["deu"] = "de", ["nld"] = "nl",
        ["arg"] = "an", ["srd"] = "sc", ["eus"] = "eu", ["hbs"] = "sh", ["isl"] = "is", ["mkd"] = "mk",
        ["afr"] = "af", ["nob"] = "nb", ["nno"] = "nn", ["dan"] = "da", ["swe"] = "sv", ["bel"] = "be",
        ["rus"] = "ru", ["ukr"] = "uk", ["kaz"] = "kk", ["tat"] = "tt", ["cym"] = "cy", ["bre"] = "br",
        ["gle"] = "ga", ["mlt"] = "mt", ["heb"] = "he", ["ara"] = "ar", ["ind"] = "id", ["msa"] = "ms",
    };

    /// <summary>The API code for an Apertium code, or null when it is not a plain language code.</summary>
    public static string? FromApertium(string code)
    {
        if (code.Length is < 2 or > 3 || !code.All(char.IsAsciiLetterLower))
        {
            return null;
        }

        return code.Length == 2 ? code : ThreeToTwo.GetValueOrDefault(code, code);
    }

    /// <summary>Canonical form of an API code: "EN" -> "en", "pt-br" -> "pt-BR".</summary>
    public static string Normalize(string code)
    {
        var trimmed = code.Trim().Replace('_', '-');
        var dash = trimmed.IndexOf('-');
        return dash < 0
            ? trimmed.ToLowerInvariant()
            : string.Concat(trimmed[..dash].ToLowerInvariant(), "-", trimmed[(dash + 1)..].ToUpperInvariant());
    }
}
