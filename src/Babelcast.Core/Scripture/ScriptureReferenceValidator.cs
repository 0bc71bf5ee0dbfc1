using System.Globalization;

namespace Babelcast.Core.Scripture;

/// <summary>Checks a chapter and verses against the versification table; the message says what is wrong.</summary>
internal static class ScriptureReferenceValidator
{
    public static string? Check(ScriptureReference reference) =>
        Check(reference.Book, reference.Chapter, reference.VerseStart, reference.VerseEnd);

    public static string? Check(BibleBook book, int chapter, int? verseStart, int? verseEnd)
    {
        if (chapter < 1 || chapter > book.Chapters)
        {
            return book.IsSingleChapter
                ? $"{book.Name} has only one chapter."
                : string.Create(CultureInfo.InvariantCulture, $"{book.Name} has {book.Chapters} chapters, not {chapter}.");
        }

        var verses = book.VersesIn(chapter);
        if (verseStart is { } start && (start < 1 || start > verses))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{book.Name} {chapter} has {verses} verses, not {start}.");
        }

        if (verseEnd is { } end && (end > verses || end < (verseStart ?? 1)))
        {
            return end > verses
                ? string.Create(CultureInfo.InvariantCulture, $"{book.Name} {chapter} has {verses} verses, not {end}.")
                : "The last verse comes before the first.";
        }

        return null;
    }
}
