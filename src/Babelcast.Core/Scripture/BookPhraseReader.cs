namespace Babelcast.Core.Scripture;

/// <summary>
/// Reads a book's name with what may come before it: "the", a book number ("first", "1st", "1", "I", "II"),
/// and a genre phrase ("book of", "gospel of", "gospel according to", "letter to the", "epistle of Paul to the").
/// </summary>
internal static class BookPhraseReader
{
    private static readonly HashSet<string> Genres = new(StringComparer.OrdinalIgnoreCase) { "book", "letter", "epistle", "gospel" };

    /// <summary>Numbered books also said with a cardinal ("two Timothy"); never John, where "one John" is too often two words.</summary>
    private static readonly HashSet<string> CardinalNumbered = new(StringComparer.OrdinalIgnoreCase)
    {
        "1Sam", "2Sam", "1Kgs", "2Kgs", "1Chr", "2Chr", "1Cor", "2Cor", "1Thess", "2Thess", "1Tim", "2Tim", "1Pet", "2Pet",
    };

    private static readonly Dictionary<string, BookName[]> ByFirstWord = BookNames.All
        .GroupBy(n => n.Words[0], StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.OrdinalIgnoreCase);

    public static bool TryRead(IReadOnlyList<ScriptureToken> tokens, int start, out BookPhrase phrase)
    {
        phrase = default;
        var i = start;
        if (i < tokens.Count && tokens[i].IsWord("the"))
        {
            i++;
        }

        var ordinal = i < tokens.Count ? SpokenNumbers.ReadOrdinal(tokens[i], allowCardinalWords: true) : 0;
        var ordinalIsCardinalWord = ordinal > 0 && tokens[i].Kind == ScriptureTokenKind.Word
            && SpokenNumbers.ReadOrdinal(tokens[i], allowCardinalWords: false) == 0;
        if (ordinal > 0)
        {
            i++;
        }

        var afterGenre = ReadGenre(tokens, i);
        var hasGenre = afterGenre > i;
        i = afterGenre;

        // A bare "the" with neither number nor genre ("the John 3:16") is not part of the name.
        if (i > start && ordinal == 0 && !hasGenre)
        {
            return false;
        }

        if (i >= tokens.Count || tokens[i].Kind != ScriptureTokenKind.Word || !ByFirstWord.TryGetValue(tokens[i].Text, out var names))
        {
            return false;
        }

        foreach (var name in names)
        {
            if (name.Ordinal != ordinal || (ordinalIsCardinalWord && !CardinalNumbered.Contains(name.OsisId)) || !Matches(tokens, i, name.Words))
            {
                continue;
            }

            var end = i + name.Words.Length;
            if (name.IsAbbreviation && end < tokens.Count && tokens[end].IsPunctuation('.') && tokens[end].Start == tokens[end - 1].End)
            {
                end++;
            }

            phrase = new BookPhrase(name, BibleBooks.GetByOsis(name.OsisId), start, end, ordinal > 0, hasGenre, tokens[i].IsCapitalised);
            return true;
        }

        return false;
    }

    /// <summary>The index after a genre phrase at <paramref name="i"/>, or <paramref name="i"/> if there is none.</summary>
    private static int ReadGenre(IReadOnlyList<ScriptureToken> tokens, int i)
    {
        if (i >= tokens.Count || tokens[i].Kind != ScriptureTokenKind.Word || !Genres.Contains(tokens[i].Text))
        {
            return i;
        }

        var j = i + 1;
        if (At(tokens, j, "of") && At(tokens, j + 1, "paul") && At(tokens, j + 2, "to"))
        {
            j += 3;
        }
        else if (At(tokens, j, "of") && At(tokens, j + 1, "saint"))
        {
            j += 2;
        }
        else if (At(tokens, j, "according") && At(tokens, j + 1, "to"))
        {
            j += 2;
        }
        else if (At(tokens, j, "of") || At(tokens, j, "to"))
        {
            j++;
        }
        else
        {
            return i;
        }

        return At(tokens, j, "the") ? j + 1 : j;
    }

    private static bool Matches(IReadOnlyList<ScriptureToken> tokens, int i, string[] words)
    {
        for (var w = 0; w < words.Length; w++)
        {
            if (!At(tokens, i + w, words[w]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool At(IReadOnlyList<ScriptureToken> tokens, int i, string word) => i < tokens.Count && tokens[i].IsWord(word);
}
