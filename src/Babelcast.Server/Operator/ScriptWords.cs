using System.Globalization;
using System.Text;

namespace Babelcast.Server.Operator;

/// <summary>
/// Words to compare a script line with what the recogniser heard: lower case, no punctuation or apostrophes
/// ("culprit's" and "culprits" are one word to the ear), numbers spelled out as the recogniser writes them
/// ("12" is "twelve"), a few abbreviations read aloud ("Mr" is "mister").
/// </summary>
internal static class ScriptWords
{
    private static readonly string[] Units =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    private static readonly Dictionary<string, string> Spoken = new(StringComparer.Ordinal)
    {
        ["mr"] = "mister", ["mrs"] = "missus", ["dr"] = "doctor", ["st"] = "saint", ["&"] = "and",
    };

    public static List<string> Of(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '\u2019')
            {
                // Inside a word: dropped, so that "God's" and "gods" compare equal.
            }
            else
            {
                Flush(word, words);
                if (c == '&')
                {
                    words.Add("and");
                }
            }
        }

        Flush(word, words);
        return words;
    }

    private static void Flush(StringBuilder word, List<string> words)
    {
        if (word.Length == 0)
        {
            return;
        }

        var w = word.ToString();
        word.Clear();
        if (w.All(char.IsAsciiDigit) && w.Length <= 9)
        {
            Spell(int.Parse(w, CultureInfo.InvariantCulture), words);
        }
        else
        {
            words.Add(Spoken.GetValueOrDefault(w, w));
        }
    }

    /// <summary>English number words, as PocketSphinx's dictionary writes them ("one hundred twenty three").</summary>
    private static void Spell(int n, List<string> words)
    {
        if (n >= 1_000_000)
        {
            Spell(n / 1_000_000, words);
            words.Add("million");
            n %= 1_000_000;
            if (n == 0)
            {
                return;
            }
        }

        if (n >= 1000)
        {
            Spell(n / 1000, words);
            words.Add("thousand");
            n %= 1000;
            if (n == 0)
            {
                return;
            }
        }

        if (n >= 100)
        {
            words.Add(Units[n / 100]);
            words.Add("hundred");
            n %= 100;
            if (n == 0)
            {
                return;
            }
        }

        if (n < 20)
        {
            words.Add(Units[n]);
            return;
        }

        words.Add(Tens[n / 10]);
        if (n % 10 != 0)
        {
            words.Add(Units[n % 10]);
        }
    }
}
