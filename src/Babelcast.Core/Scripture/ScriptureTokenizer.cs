using System.Globalization;

namespace Babelcast.Core.Scripture;

/// <summary>Splits text into words, digit runs and punctuation; "1Cor" becomes "1" and "Cor", "1st" stays one word.</summary>
internal static class ScriptureTokenizer
{
    /// <summary>Long enough for any digit run a reference can hold; longer runs are never chapter or verse numbers.</summary>
    private const int MaxDigits = 4;

    public static List<ScriptureToken> Tokenize(string text)
    {
        var tokens = new List<ScriptureToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsAsciiDigit(c))
            {
                var start = i;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }

                if (IsOrdinalSuffix(text, i, out var suffixLength))
                {
                    i += suffixLength;
                    tokens.Add(new ScriptureToken(ScriptureTokenKind.Word, text[start..i], start, 0));
                    continue;
                }

                var digits = text[start..i];
                var value = digits.Length <= MaxDigits ? int.Parse(digits, CultureInfo.InvariantCulture) : -1;
                tokens.Add(new ScriptureToken(ScriptureTokenKind.Number, digits, start, value));
            }
            else if (char.IsLetter(c))
            {
                var start = i;
                while (i < text.Length && (char.IsLetter(text[i]) || (text[i] is '\'' or '\u2019' && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
                {
                    i++;
                }

                tokens.Add(new ScriptureToken(ScriptureTokenKind.Word, text[start..i], start, 0));
            }
            else
            {
                tokens.Add(new ScriptureToken(ScriptureTokenKind.Punctuation, text[i..(i + 1)], i, 0));
                i++;
            }
        }

        return tokens;
    }

    private static bool IsOrdinalSuffix(string text, int at, out int length)
    {
        length = 2;
        if (at + 2 > text.Length || (at + 2 < text.Length && char.IsLetterOrDigit(text[at + 2])))
        {
            return false;
        }

        var suffix = text.AsSpan(at, 2);
        return suffix.Equals("st", StringComparison.OrdinalIgnoreCase) || suffix.Equals("nd", StringComparison.OrdinalIgnoreCase)
            || suffix.Equals("rd", StringComparison.OrdinalIgnoreCase) || suffix.Equals("th", StringComparison.OrdinalIgnoreCase);
    }
}
