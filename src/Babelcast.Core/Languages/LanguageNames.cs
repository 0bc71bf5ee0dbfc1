namespace Babelcast.Core.Languages;

/// <summary>English names of the languages engines may offer.</summary>
public static class LanguageNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "English", ["es"] = "Spanish", ["fr"] = "French", ["pt"] = "Portuguese",
        ["pt-BR"] = "Portuguese (Brazil)", ["it"] = "Italian", ["ca"] = "Catalan", ["gl"] = "Galician",
        ["eo"] = "Esperanto", ["oc"] = "Occitan", ["ro"] = "Romanian", ["de"] = "German",
        ["nl"] = "Dutch", ["an"] = "Aragonese", ["ast"] = "Asturian", ["sc"] = "Sardinian",
        ["eu"] = "Basque", ["hr"] = "Croatian", ["sr"] = "Serbian", ["is"] = "Icelandic",
    };

    public static string Get(string code) => Names.TryGetValue(code, out var name) ? name : code;

    public static LanguageInfo Info(string code) => new(code, Get(code));
}
