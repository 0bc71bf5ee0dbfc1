namespace Babelcast.Engines.Apertium.Text;

/// <summary>Short closed-class words (articles, prepositions, conjunctions) per language: the only words
/// the tidier will lower-case mid-sentence. Names ("Dios", "John") and possessives ("Our Lady") are absent on purpose.</summary>
internal static class FunctionWords
{
    private static readonly Dictionary<string, HashSet<string>> ByLanguage = new(StringComparer.OrdinalIgnoreCase)
    {
        ["es"] = Set("y e o u ni que de del a al en con por para sin sobre entre hasta desde el la los las lo un una unos unas pero como"),
        ["ca"] = Set("i o ni que de del dels a al als en amb per sense sobre entre fins des el la els les un una uns unes però com"),
        ["fr"] = Set("et ou ni que de du des à au aux en avec pour par sans sur dans entre le la les un une mais comme"),
        ["pt"] = Set("e ou nem que de do da dos das a ao aos à em no na nos nas com por para sem sobre entre o os as um uma mas como"),
        ["it"] = Set("e o né che di del della dei a al alla in nel con per su tra fra da il lo la i gli le un uno una ma come"),
        ["gl"] = Set("e ou nin que de do da dos das a ao aos en no na con por para sen o os as un unha pero como"),
        ["eo"] = Set("kaj aŭ nek ke de da al en kun por per sen sur la sed kiel"),
        ["oc"] = Set("e o ni que de del dels a al als en amb per sens sus lo la los las un una mas coma"),
        // No "i": in English that is the pronoun, which stays capitalised.
        ["en"] = Set("and or nor that of to in for with on at by from the a an but as"),
    };

    private static readonly HashSet<string> Empty = [];

    /// <summary>Every listed word of every language, for checking whether the source capitalised one.</summary>
    public static readonly HashSet<string> Any = ByLanguage.Values.SelectMany(s => s).ToHashSet(StringComparer.Ordinal);

    /// <summary>The words for a language ("pt-BR" uses "pt"); empty for a language we have no list for.</summary>
    public static IReadOnlySet<string> For(string language)
    {
        var dash = language.IndexOf('-');
        var primary = dash < 0 ? language : language[..dash];
        return ByLanguage.GetValueOrDefault(primary, Empty);
    }

    private static HashSet<string> Set(string words) => words.Split(' ').ToHashSet(StringComparer.Ordinal);
}
