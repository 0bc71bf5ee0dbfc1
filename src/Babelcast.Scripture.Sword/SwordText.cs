using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Babelcast.Core.Scripture;

namespace Babelcast.Scripture.Sword;

/// <summary>
/// Turns diatheke's internal (OSIS-like) output into plain verses. Titles and notes go with their content; other
/// markup goes, with a space where a word or quote element ended against the next word (the WEB module writes
/// "God&lt;/w&gt;&lt;w&gt;created" with no space between the words).
/// </summary>
internal static partial class SwordText
{
    public static List<BibleVerse> ParseVerses(string output, string swordBookName, int chapter, int firstVerse, int lastVerse)
    {
        var verses = new List<BibleVerse>();
        output = DroppedElements().Replace(output, " ");
        var headers = VerseHeader().Matches(output);
        for (var h = 0; h < headers.Count; h++)
        {
            var header = headers[h];
            var bodyEnd = h + 1 < headers.Count ? headers[h + 1].Index : output.Length;
            var book = header.Groups["book"].Value.Trim();
            var c = int.Parse(header.Groups["c"].Value, CultureInfo.InvariantCulture);
            var v = int.Parse(header.Groups["v"].Value, CultureInfo.InvariantCulture);

            // diatheke answers an impossible key with some other passage ("John 33:1" printed Acts 12:1): keep only what was asked.
            if (!book.Equals(swordBookName, StringComparison.Ordinal) || c != chapter || v < firstVerse || v > lastVerse)
            {
                continue;
            }

            var text = ToPlain(ModuleTrailer().Replace(output[(header.Index + header.Length)..bodyEnd], ""));
            if (text.Length > 0)
            {
                verses.Add(new BibleVerse(c, v, text));
            }
        }

        return verses;
    }

    public static string ToPlain(string markup)
    {
        var text = DroppedElements().Replace(markup, " ");
        var plain = new StringBuilder(text.Length);
        var i = 0;
        foreach (Match run in TagRun().Matches(text))
        {
            plain.Append(text, i, run.Index - i);
            i = run.Index + run.Length;
            var before = plain.Length > 0 ? plain[^1] : ' ';
            var after = i < text.Length ? text[i] : ' ';
            if (WordBoundary().IsMatch(run.Value) && (char.IsLetterOrDigit(before) || before is ',' or ';' or ':' or '.' or '!' or '?' or '\u201D' or '\u2019')
                && char.IsLetterOrDigit(after))
            {
                plain.Append(' ');
            }
        }

        plain.Append(text, i, text.Length - i);
        var decoded = WebUtility.HtmlDecode(plain.ToString()).Replace("\u00B6", "", StringComparison.Ordinal);
        return Whitespace().Replace(decoded, " ").Trim();
    }

    /// <summary>"Psalms 23:1: ", "I Corinthians 13:4: ", possibly after markup (a psalm title) at the line's start.</summary>
    [GeneratedRegex(@"^(?:[ \t]|<[^>\n]*>)*(?<book>[A-Z1-3][^<>:\n]*?) (?<c>\d{1,3}):(?<v>\d{1,3}): ?", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex VerseHeader();

    /// <summary>The "(engWEB2015eb)" line diatheke prints last.</summary>
    [GeneratedRegex(@"^\([A-Za-z0-9_.-]+\)\s*\z", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ModuleTrailer();

    [GeneratedRegex(@"<(title|note)\b[^>]*(?<!/)>.*?</\1>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex DroppedElements();

    [GeneratedRegex(@"(?:<[^>]*>)+", RegexOptions.CultureInvariant)]
    private static partial Regex TagRun();

    [GeneratedRegex(@"</?(?:w|q|l|lg|lb|p|div|br)\b", RegexOptions.CultureInvariant)]
    private static partial Regex WordBoundary();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
