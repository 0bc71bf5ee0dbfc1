namespace Babelcast.Core.Scripture;

/// <summary>
/// Reads a number written in digits or spelled out in English, up to the hundreds ("a hundred and nineteen",
/// "one hundred seventy-six", "twenty three"), and the ordinals that name the numbered books.
/// </summary>
internal static class SpokenNumbers
{
    private static readonly Dictionary<string, int> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
    };

    private static readonly Dictionary<string, int> Teens = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15,
        ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19,
    };

    private static readonly Dictionary<string, int> Tens = new(StringComparer.OrdinalIgnoreCase)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fourty"] = 40, ["fifty"] = 50, ["sixty"] = 60,
        ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    private static readonly Dictionary<string, int> Ordinals = new(StringComparer.OrdinalIgnoreCase)
    {
        ["first"] = 1, ["1st"] = 1, ["i"] = 1, ["second"] = 2, ["2nd"] = 2, ["ii"] = 2, ["third"] = 3, ["3rd"] = 3, ["iii"] = 3,
    };

    private static readonly Dictionary<string, int> CardinalOrdinals = new(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3,
    };

    /// <summary>Reads a number at <paramref name="index"/>; <paramref name="next"/> is the token after it.</summary>
    public static bool TryRead(IReadOnlyList<ScriptureToken> tokens, int index, out int value, out int next, out bool spelled)
    {
        value = 0;
        next = index;
        spelled = false;
        if (index >= tokens.Count)
        {
            return false;
        }

        var token = tokens[index];
        if (token.Kind == ScriptureTokenKind.Number)
        {
            value = token.Value;
            next = index + 1;
            return value > 0;
        }

        spelled = true;
        var i = index;
        if ((tokens[i].IsWord("a") || tokens[i].IsWord("one")) && i + 1 < tokens.Count && tokens[i + 1].IsWord("hundred"))
        {
            value = 100;
            i += 2;
            var afterHundred = i;
            if (i < tokens.Count && tokens[i].IsWord("and"))
            {
                i++;
            }

            if (TryReadBelowHundred(tokens, i, out var rest, out var end))
            {
                value += rest;
                i = end;
            }
            else
            {
                i = afterHundred;
            }

            next = i;
            return true;
        }

        if (TryReadBelowHundred(tokens, i, out value, out next))
        {
            return true;
        }

        spelled = false;
        return false;
    }

    /// <summary>The book number an ordinal word stands for ("first", "1st", "I", "1"), or 0.</summary>
    public static int ReadOrdinal(ScriptureToken token, bool allowCardinalWords)
    {
        if (token.Kind == ScriptureTokenKind.Number)
        {
            return token.Value is >= 1 and <= 3 ? token.Value : 0;
        }

        if (token.Kind != ScriptureTokenKind.Word)
        {
            return 0;
        }

        // Roman numerals only in capitals: "i" alone is a typo of the pronoun, not a book number.
        if (token.Text.All(c => c is 'i' or 'I') && token.Text.Any(c => c == 'i'))
        {
            return 0;
        }

        if (Ordinals.TryGetValue(token.Text, out var ordinal))
        {
            return ordinal;
        }

        return allowCardinalWords && CardinalOrdinals.TryGetValue(token.Text, out var cardinal) ? cardinal : 0;
    }

    private static bool TryReadBelowHundred(IReadOnlyList<ScriptureToken> tokens, int i, out int value, out int next)
    {
        value = 0;
        next = i;
        if (i >= tokens.Count || tokens[i].Kind != ScriptureTokenKind.Word)
        {
            return false;
        }

        var word = tokens[i].Text;
        if (Teens.TryGetValue(word, out value) || Units.TryGetValue(word, out value))
        {
            next = i + 1;
            return true;
        }

        if (!Tens.TryGetValue(word, out value))
        {
            return false;
        }

        next = i + 1;
        // "twenty-three" and "twenty three"; a hyphen only when the unit follows it.
        var j = next < tokens.Count && tokens[next].IsDash && tokens[next].Start == tokens[i].End ? next + 1 : next;
        if (j < tokens.Count && tokens[j].Kind == ScriptureTokenKind.Word && Units.TryGetValue(tokens[j].Text, out var unit))
        {
            value += unit;
            next = j + 1;
        }

        return true;
    }
}
