using System.Diagnostics.CodeAnalysis;

namespace Babelcast.Core.Scripture;

/// <summary>
/// Finds Bible references in English text, typed or recognised ("John 3:16", "1 Cor 13:4-7", "John chapter three
/// verse sixteen", "the first letter to the Corinthians, chapter 13", "Psalm 23"), checked against the versification
/// table so that a reference that does not exist is never returned. Rules against ordinary speech (docs/scripture.md):
/// a book that is also a name or a word ("John", "Mark", "Job", "Acts") needs a verse, the word "chapter" or "verse",
/// a book number or "the book/gospel/letter of"; a chapter number alone is enough only for names that mean nothing
/// else ("Psalm 23", "Romans 8"); and in text that has capitals, a lower-case "job" or "mark" is not a book.
/// </summary>
public static class ScriptureReferenceParser
{
    /// <summary>Longer text is not searched (a caption or a typed line is far shorter).</summary>
    public const int MaxTextLength = 16 * 1024;

    /// <summary>Every reference in <paramref name="text"/>, in order; overlapping readings keep the first.</summary>
    public static IReadOnlyList<ScriptureMatch> FindAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxTextLength)
        {
            text = text[..MaxTextLength];
        }

        var tokens = ScriptureTokenizer.Tokenize(text);
        var cased = text.Any(char.IsUpper);
        var found = new List<ScriptureMatch>();
        var i = 0;
        while (i < tokens.Count)
        {
            if (!TryReadAt(tokens, i, out var phrase, out var location))
            {
                i++;
            }
            else if (!IsConvincing(phrase, location, cased) || IsClockTime(tokens, location)
                || ScriptureReferenceValidator.Check(phrase.Book, location.Chapter, location.VerseStart, location.VerseEnd) is not null)
            {
                // Skip the whole reading: "3 John 2:1" does not exist, and "John 2:1" inside it was not meant.
                i = location.End;
            }
            else
            {
                var start = tokens[phrase.Start].Start;
                var end = tokens[location.End - 1].End;
                var reference = new ScriptureReference(phrase.Book, location.Chapter, location.VerseStart, location.VerseEnd);
                found.Add(new ScriptureMatch(reference, start, end - start, text[start..end]));
                i = location.End;
            }
        }

        return found;
    }

    /// <summary>
    /// Reads <paramref name="text"/> as exactly one reference, as a search box does: "John 3", "job 1:1" and
    /// "Jn 3:16" are accepted here. <paramref name="error"/> says what is wrong otherwise.
    /// </summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out ScriptureReference? reference, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        reference = null;
        var tokens = ScriptureTokenizer.Tokenize(text);
        if (tokens.Count > 0 && tokens[^1].Kind == ScriptureTokenKind.Punctuation && tokens[^1].Text[0] is '.' or '?' or '!')
        {
            tokens.RemoveAt(tokens.Count - 1);
        }

        if (tokens.Count == 0)
        {
            error = "The reference is empty.";
            return false;
        }

        if (!BookPhraseReader.TryRead(tokens, 0, out var phrase))
        {
            error = $"No book of the Bible is named at the start of '{Shorten(text)}'.";
            return false;
        }

        if (!ScriptureLocationReader.TryRead(tokens, phrase.End, phrase.Book, out var location))
        {
            error = $"A chapter number must follow '{phrase.Book.Name}'.";
            return false;
        }

        if (location.End != tokens.Count)
        {
            error = $"Unexpected '{Shorten(text[tokens[location.End].Start..])}' after the reference.";
            return false;
        }

        error = ScriptureReferenceValidator.Check(phrase.Book, location.Chapter, location.VerseStart, location.VerseEnd);
        if (error is not null)
        {
            return false;
        }

        reference = new ScriptureReference(phrase.Book, location.Chapter, location.VerseStart, location.VerseEnd);
        return true;
    }

    private static bool TryReadAt(List<ScriptureToken> tokens, int i, out BookPhrase phrase, out ScriptureLocation location)
    {
        location = default;
        return BookPhraseReader.TryRead(tokens, i, out phrase) && ScriptureLocationReader.TryRead(tokens, phrase.End, phrase.Book, out location);
    }

    /// <summary>Whether the words around a reading make it a reference rather than ordinary speech.</summary>
    private static bool IsConvincing(BookPhrase phrase, ScriptureLocation location, bool cased)
    {
        var kind = phrase.Name.Kind;
        var introduced = phrase.HasGenre || phrase.HasOrdinal;
        if (phrase.Name.IsAbbreviation && location.Spelled)
        {
            return false;
        }

        // In text with capitals, the writer or the recogniser capitalises names: "my job 2 days" is not Job.
        if (cased && kind != BookNameKind.Distinct && !phrase.NameIsCapitalised && !phrase.HasGenre)
        {
            return false;
        }

        if (introduced || location.HasKeyword || location.HasSeparator)
        {
            return true;
        }

        return kind switch
        {
            BookNameKind.Distinct => true,
            BookNameKind.Name => location.TwoNumbers,
            _ => location.TwoNumbers && cased && phrase.NameIsCapitalised,
        };
    }

    /// <summary>"John 10:30 am", "Mark 3:30 o'clock": a name and a time, not a verse.</summary>
    private static bool IsClockTime(List<ScriptureToken> tokens, ScriptureLocation location)
    {
        if (!location.HasSeparator || location.End >= tokens.Count)
        {
            return false;
        }

        var next = tokens[location.End];
        return next.IsWord("am") || next.IsWord("pm") || next.IsWord("o'clock") || next.IsWord("o\u2019clock")
            || ((next.IsWord("a") || next.IsWord("p")) && location.End + 1 < tokens.Count && tokens[location.End + 1].IsPunctuation('.'));
    }

    private static string Shorten(string text) => text.Length <= 40 ? text.Trim() : string.Concat(text.AsSpan(0, 40).Trim(), "...");
}
