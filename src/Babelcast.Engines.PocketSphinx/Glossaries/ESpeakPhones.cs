namespace Babelcast.Engines.PocketSphinx.Glossaries;

/// <summary>
/// Maps espeak-ng's American English phoneme mnemonics (<c>espeak-ng -v en-us -x --sep=_</c>) to the CMU phone set of
/// the en-us acoustic model. Checked against cmudict on common words: the mapping gives cmudict's phones for
/// nguyen, pastor, church, forgiveness, butter (the flap is T), button (syllabic n is AH N), little, thanks, measure.
/// </summary>
internal static class ESpeakPhones
{
    private static readonly Dictionary<string, string> Map = new(StringComparer.Ordinal)
    {
        // Vowels and diphthongs (r-coloured ones as vowel + R, as cmudict writes them).
        ["a"] = "AE", ["aa"] = "AE", ["a#"] = "AH", ["A:"] = "AA", ["A"] = "AA", ["A@"] = "AA R", ["0"] = "AA", ["0:"] = "AO",
        ["V"] = "AH", ["@"] = "AH", ["@2"] = "AH", ["@5"] = "AH", ["@L"] = "AH L", ["@-"] = "AH",
        ["3"] = "ER", ["3:"] = "ER", ["E"] = "EH", ["E2"] = "EH", ["E#"] = "EH", ["e@"] = "EH R", ["eI"] = "EY", ["e"] = "EY",
        ["I"] = "IH", ["I2"] = "IH", ["I#"] = "IH", ["i"] = "IY", ["i:"] = "IY", ["i@"] = "IY R", ["i@3"] = "IY R",
        ["O"] = "AO", ["O:"] = "AO", ["O@"] = "AO R", ["o@"] = "AO R", ["OI"] = "OY", ["oU"] = "OW", ["o"] = "OW",
        ["u:"] = "UW", ["u"] = "UW", ["U"] = "UH", ["U@"] = "UH R", ["aI"] = "AY", ["aI@"] = "AY ER", ["aI3"] = "AY ER",
        ["aU"] = "AW", ["aU@"] = "AW ER", ["ju:"] = "Y UW",

        // Consonants.
        ["p"] = "P", ["b"] = "B", ["t"] = "T", ["d"] = "D", ["k"] = "K", ["g"] = "G", ["f"] = "F", ["v"] = "V",
        ["s"] = "S", ["z"] = "Z", ["h"] = "HH", ["m"] = "M", ["n"] = "N", ["l"] = "L", ["r"] = "R", ["w"] = "W",
        ["T"] = "TH", ["D"] = "DH", ["S"] = "SH", ["Z"] = "ZH", ["tS"] = "CH", ["dZ"] = "JH", ["N"] = "NG", ["j"] = "Y",
        ["t#"] = "T", ["d#"] = "D", ["?"] = "T", ["n-"] = "AH N", ["l-"] = "AH L", ["m-"] = "AH M", ["r-"] = "R", ["x"] = "K",
    };

    /// <summary>
    /// CMU phones of one word's espeak-ng output (phonemes separated by '_', stress and syllable marks anywhere),
    /// or null when nothing could be mapped.
    /// </summary>
    public static string? ToCmu(string espeakLine)
    {
        var phones = new List<string>();
        foreach (var raw in espeakLine.Split(['_', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            // Stress (' ,), syllable and pause marks are not phones.
            var token = raw.Trim('\'', ',', ';', '%', '=', '|');
            if (token.Length == 0)
            {
                continue;
            }

            if (Map.TryGetValue(token, out var cmu) || Map.TryGetValue(token.TrimEnd('#', '2', '5'), out cmu))
            {
                phones.Add(cmu);
            }
        }

        return phones.Count == 0 ? null : string.Join(' ', phones);
    }
}
