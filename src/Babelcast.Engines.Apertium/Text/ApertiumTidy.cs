using System.Buffers;
using System.Text.RegularExpressions;

namespace Babelcast.Engines.Apertium.Text;

/// <summary>Makes Apertium output fit for captions and speech: no unknown-word marks, single spaces,
/// no stray capitals on function words mid-sentence ("Buenos días Y bienvenido"), initial capital as in the source.</summary>
internal static partial class ApertiumTidy
{
    /// <summary>Collapses all whitespace (newlines included) into single spaces and trims.</summary>
    public static string Flatten(string text) => Whitespace().Replace(text, " ").Trim();

    /// <summary>Marks and spacing only; used between the legs of a pivot.</summary>
    public static string Clean(string text) =>
        SpaceBeforeComma().Replace(Flatten(UnknownMark().Replace(text, string.Empty)), string.Empty);

    public static string Tidy(string output, string source, string targetLanguage)
    {
        var text = Clean(output);
        text = LowerStrayCapitals(text, source, targetLanguage);
        return MatchInitialCapital(text, source);
    }

    internal static string LowerStrayCapitals(string text, string source, string targetLanguage)
    {
        var functionWords = FunctionWords.For(targetLanguage);
        // A source that capitalises a function word mid-sentence ("The Lord Of The Rings") means it: leave all as is.
        if (functionWords.Count == 0 || HasCapitalisedFunctionWord(source))
        {
            return text;
        }

        var words = text.Split(' ');
        var changed = false;
        for (var i = 1; i < words.Length; i++)
        {
            var word = LeadingLetters(words[i]);
            if (!EndsSentence(words[i - 1]) && IsCapitalised(word) && functionWords.Contains(word.ToLowerInvariant()))
            {
                words[i] = char.ToLowerInvariant(words[i][0]) + words[i][1..];
                changed = true;
            }
        }

        return changed ? string.Join(' ', words) : text;
    }

    internal static string MatchInitialCapital(string text, string source)
    {
        var sourceFirst = source.FirstOrDefault(char.IsLetter);
        var index = text.AsSpan().IndexOfAnyExcept(OpeningPunctuation);
        if (!char.IsUpper(sourceFirst) || index < 0 || !char.IsLower(text[index]))
        {
            return text;
        }

        return string.Concat(text.AsSpan(0, index), char.ToUpperInvariant(text[index]).ToString(), text.AsSpan(index + 1));
    }

    private static bool HasCapitalisedFunctionWord(string source)
    {
        var words = Flatten(source).Split(' ');
        for (var i = 1; i < words.Length; i++)
        {
            var word = LeadingLetters(words[i]);
            // Length 1 skips the English pronoun "I".
            if (word.Length > 1 && !EndsSentence(words[i - 1]) && IsCapitalised(word) && FunctionWords.Any.Contains(word.ToLowerInvariant()))
            {
                return true;
            }
        }

        return false;
    }

    private static string LeadingLetters(string token)
    {
        var end = 0;
        while (end < token.Length && char.IsLetter(token[end]))
        {
            end++;
        }

        return token[..end];
    }

    // "Y", "Para" but not "EU" or "McKay".
    private static bool IsCapitalised(string word) => word.Length > 0 && char.IsUpper(word[0]) && word.Skip(1).All(char.IsLower);

    private static bool EndsSentence(string token)
    {
        var trimmed = token.TrimEnd('"', '\'', ')', '»', '”', '’');
        return trimmed.Length == 0 || trimmed[^1] is '.' or '!' or '?' or '…' or ':' or ';';
    }

    private static readonly SearchValues<char> OpeningPunctuation = SearchValues.Create("¿¡\"'«“‘([ -");

    [GeneratedRegex(@"(?<![\p{L}\p{N}])[*#@](?=[\p{L}\p{N}])")]
    private static partial Regex UnknownMark();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@" +(?=[,.])")]
    private static partial Regex SpaceBeforeComma();
}
