namespace Babelcast.Core.Scripture;

/// <summary>The limits of a passage sent live: a reading, not a chapter-long broadcast.</summary>
public static class LiveScripture
{
    /// <summary>
    /// The most verses one <c>scripture</c> message sends; a longer reference (a whole chapter) is offered as its first
    /// verses and refused when sent as it is.
    /// </summary>
    public const int MaxVerses = 20;

    /// <summary>About two spoken sentences: verses are grouped into phrases up to this many characters of English.</summary>
    public const int PhraseCharacters = 240;

    /// <summary>How many verses <paramref name="reference"/> covers.</summary>
    public static int VerseCount(ScriptureReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var (first, last) = reference.VerseRange;
        return last - first + 1;
    }

    /// <summary>The reference itself when it is short enough; otherwise its first <see cref="MaxVerses"/> verses.</summary>
    public static ScriptureReference Capped(ScriptureReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (VerseCount(reference) <= MaxVerses)
        {
            return reference;
        }

        var (first, _) = reference.VerseRange;
        return new ScriptureReference(reference.Book, reference.Chapter, first, first + MaxVerses - 1);
    }
}
