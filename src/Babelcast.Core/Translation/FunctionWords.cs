using System.Collections.Frozen;

namespace Babelcast.Core.Translation;

/// <summary>
/// Tells an answer in another Latin-script language from one in the target (a model asked for Spanish that answers in
/// French or Portuguese, or in the source language) by function words: the short words every sentence has. Only a
/// word found in a single language's list counts, so that the close languages (Spanish, Catalan, Galician,
/// Portuguese) are not confused by the words they share; the verdict is "wrong" only when the answer has none of the
/// target's own words and at least two of another's. It cannot see a language it has no list for.
/// </summary>
internal static class FunctionWords
{
    private static readonly FrozenDictionary<string, string[]> Lists = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = ["the", "and", "of", "is", "are", "was", "were", "you", "your", "we", "our", "this", "that", "with", "for", "will", "be",
            "have", "has", "it", "not", "they", "he", "she", "his", "her", "from", "at", "on", "please", "an", "to", "in", "a", "today", "us"],
        ["es"] = ["el", "la", "los", "las", "de", "del", "y", "que", "en", "un", "una", "es", "por", "para", "con", "no", "se", "su", "sus",
            "al", "lo", "como", "más", "pero", "nuestro", "nuestra", "este", "esta", "está", "son", "hoy", "muy", "a", "usted", "ustedes"],
        ["fr"] = ["le", "la", "les", "de", "des", "du", "et", "est", "un", "une", "que", "qui", "en", "dans", "pour", "avec", "ne", "pas",
            "nous", "vous", "notre", "ce", "cette", "sur", "au", "aux", "il", "elle", "sont", "à", "aujourd'hui", "très", "mais", "votre"],
        ["pt"] = ["o", "a", "os", "as", "de", "do", "da", "dos", "das", "e", "é", "que", "em", "no", "na", "um", "uma", "para", "com", "não",
            "por", "nosso", "nossa", "se", "ao", "mais", "mas", "este", "esta", "são", "hoje", "muito", "você", "vocês", "nós"],
        ["it"] = ["il", "lo", "la", "gli", "le", "di", "del", "della", "e", "è", "che", "in", "un", "una", "per", "con", "non", "si", "al",
            "alla", "nostro", "nostra", "questo", "questa", "sono", "oggi", "molto", "ma", "siamo", "vi", "ci"],
        ["de"] = ["der", "die", "das", "und", "ist", "sind", "ein", "eine", "zu", "mit", "für", "nicht", "wir", "sie", "ich", "es", "auf",
            "den", "dem", "des", "von", "im", "unser", "unsere", "heute", "bitte", "sehr", "auch", "ihr"],
        ["nl"] = ["de", "het", "een", "en", "is", "zijn", "van", "te", "met", "voor", "niet", "wij", "we", "ons", "onze", "dit", "dat", "op",
            "in", "er", "vandaag", "alstublieft", "zeer", "ook", "u", "jullie"],
        ["ca"] = ["el", "la", "els", "les", "de", "del", "i", "que", "en", "un", "una", "és", "per", "amb", "no", "es", "al", "als", "nostre",
            "nostra", "aquest", "aquesta", "són", "avui", "molt", "però", "a", "us", "vostè"],
        ["gl"] = ["o", "a", "os", "as", "de", "do", "da", "e", "é", "que", "en", "un", "unha", "para", "con", "non", "por", "se", "ao", "máis",
            "pero", "noso", "nosa", "este", "esta", "son", "hoxe", "moi", "vostede"],
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    // Each word that only one list has, with that list's language.
    private static readonly FrozenDictionary<string, string> Own = Lists
        .SelectMany(l => l.Value.Select(w => (Word: w, Language: l.Key)))
        .GroupBy(p => p.Word, StringComparer.OrdinalIgnoreCase)
        .Where(g => g.Count() == 1)
        .ToFrozenDictionary(g => g.Key, g => g.Single().Language, StringComparer.OrdinalIgnoreCase);

    /// <summary>The language <paramref name="text"/> is evidently written in instead of <paramref name="target"/>, or null.</summary>
    public static string? OtherLanguage(string text, string target)
    {
        var primary = target.Split('-', '_')[0];
        if (!Lists.ContainsKey(primary))
        {
            return null;
        }

        var hits = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var word in Words(text))
        {
            if (Own.TryGetValue(word, out var language))
            {
                hits[language] = hits.GetValueOrDefault(language) + 1;
            }
        }

        if (hits.ContainsKey(primary))
        {
            return null;
        }

        var best = hits.OrderByDescending(h => h.Value).FirstOrDefault();
        return best.Value >= 2 ? best.Key : null;
    }

    private static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetter(text[i]) || (text[i] is '\'' or '’' && start >= 0));
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return text[start..i].Replace('’', '\'').ToLowerInvariant();
                start = -1;
            }
        }
    }
}
