using System.Globalization;

namespace Babelcast.Core.Scripture;

/// <summary>
/// A validated reference: a whole chapter (no verses) or a verse range within one chapter
/// (<see cref="VerseStart"/> equal to <see cref="VerseEnd"/> for a single verse).
/// </summary>
public sealed record ScriptureReference
{
    public ScriptureReference(BibleBook book, int chapter, int? verseStart = null, int? verseEnd = null)
    {
        ArgumentNullException.ThrowIfNull(book);
        if (verseEnd is not null && verseStart is null)
        {
            throw new ArgumentException("An end verse needs a start verse.", nameof(verseEnd));
        }

        Book = book;
        Chapter = chapter;
        VerseStart = verseStart;
        VerseEnd = verseStart is null ? null : verseEnd ?? verseStart;
        if (ScriptureReferenceValidator.Check(this) is { } error)
        {
            throw new ArgumentOutOfRangeException(nameof(chapter), error);
        }
    }

    public BibleBook Book { get; }

    public int Chapter { get; }

    public int? VerseStart { get; }

    public int? VerseEnd { get; }

    public bool IsWholeChapter => VerseStart is null;

    /// <summary>The first and last verse the reference covers.</summary>
    public (int First, int Last) VerseRange => (VerseStart ?? 1, VerseEnd ?? Book.VersesIn(Chapter));

    /// <summary>"John 3:16", "John 3:16-18", "Psalms 23".</summary>
    public string Display => VerseStart is null
        ? string.Create(CultureInfo.InvariantCulture, $"{Book.Name} {Chapter}")
        : VerseEnd == VerseStart
            ? string.Create(CultureInfo.InvariantCulture, $"{Book.Name} {Chapter}:{VerseStart}")
            : string.Create(CultureInfo.InvariantCulture, $"{Book.Name} {Chapter}:{VerseStart}-{VerseEnd}");

    /// <summary>"John.3.16", "John.3.16-John.3.18", "Ps.23".</summary>
    public string Osis => VerseStart is null
        ? string.Create(CultureInfo.InvariantCulture, $"{Book.OsisId}.{Chapter}")
        : VerseEnd == VerseStart
            ? string.Create(CultureInfo.InvariantCulture, $"{Book.OsisId}.{Chapter}.{VerseStart}")
            : string.Create(CultureInfo.InvariantCulture, $"{Book.OsisId}.{Chapter}.{VerseStart}-{Book.OsisId}.{Chapter}.{VerseEnd}");

    public override string ToString() => Display;
}
