using System.Text.RegularExpressions;

namespace Babelcast.Core.Glossaries;

/// <summary>
/// The tokens that stand for glossary terms while a phrase goes through a translator: a made-up capitalised word,
/// "Zxqv" and one letter. Every installed Apertium pair and pivot passes it through untouched, in place, as an unknown
/// proper noun (checked by the Apertium tests); all-capital tokens (which changed Galician verb forms) and digits
/// (read as numbers by some pairs) are avoided.
/// </summary>
public static partial class GlossaryPlaceholders
{
    private const string Stem = "Zxqv";

    /// <summary>Placeholders one phrase can hold (a to z).</summary>
    public const int Capacity = 26;

    public static string Token(int index) =>
        index is >= 0 and < Capacity ? Stem + (char)('a' + index) : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>Replaces each placeholder with <paramref name="rendering"/>(index); a null rendering leaves it.</summary>
    public static string Replace(string text, Func<int, string?> rendering) =>
        Pattern().Replace(text, m => rendering(char.ToLowerInvariant(m.Groups[1].Value[0]) - 'a') ?? m.Value);

    [GeneratedRegex(@"(?<![\p{L}\p{N}_])zxqv([a-z])(?![\p{L}\p{N}_])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 250)]
    private static partial Regex Pattern();
}
