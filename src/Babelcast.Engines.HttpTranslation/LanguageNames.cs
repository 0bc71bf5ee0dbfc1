namespace Babelcast.Engines.HttpTranslation;

/// <summary>English names for the prompt (the build runs with invariant globalisation, so no CultureInfo names).</summary>
internal static class LanguageNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ar"] = "Arabic", ["ca"] = "Catalan", ["de"] = "German", ["el"] = "Greek", ["en"] = "English", ["eo"] = "Esperanto",
        ["es"] = "Spanish", ["eu"] = "Basque", ["fr"] = "French", ["gl"] = "Galician", ["it"] = "Italian", ["ja"] = "Japanese",
        ["ko"] = "Korean", ["nl"] = "Dutch", ["oc"] = "Occitan", ["pl"] = "Polish", ["pt"] = "Portuguese", ["pt-BR"] = "Brazilian Portuguese",
        ["ro"] = "Romanian", ["ru"] = "Russian", ["sv"] = "Swedish", ["tr"] = "Turkish", ["uk"] = "Ukrainian", ["zh"] = "Chinese",
    };

    public static string Of(string code) => Names.TryGetValue(code, out var name) ? $"{name} ({code})" : code;
}
