using System.Text.RegularExpressions;

namespace Babelcast.Core.Diagnostics;

/// <summary>
/// Word error rate after the normalisation used in notes/engines.md (lower case, no punctuation, "mr" -> "mister").
/// Lives here rather than in a test project because the accuracy tests and the benchmark harness must score alike.
/// </summary>
public static partial class WordErrorRate
{
    public static string[] Normalise(string text) =>
        NonWord().Replace(text.ToLowerInvariant().Replace("'", string.Empty, StringComparison.Ordinal), " ")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w == "mr" ? "mister" : w)
            .ToArray();

    /// <summary>Word-level Levenshtein distance between reference and hypothesis.</summary>
    public static int Errors(string reference, string hypothesis)
    {
        var r = Normalise(reference);
        var h = Normalise(hypothesis);
        var d = new int[h.Length + 1];
        for (var j = 0; j <= h.Length; j++)
        {
            d[j] = j;
        }

        for (var i = 1; i <= r.Length; i++)
        {
            var prev = d[0];
            d[0] = i;
            for (var j = 1; j <= h.Length; j++)
            {
                var cur = d[j];
                d[j] = Math.Min(Math.Min(d[j] + 1, d[j - 1] + 1), prev + (r[i - 1] == h[j - 1] ? 0 : 1));
                prev = cur;
            }
        }

        return d[h.Length];
    }

    public static int WordCount(string reference) => Normalise(reference).Length;

    [GeneratedRegex("[^a-z0-9 ]+")]
    private static partial Regex NonWord();
}
