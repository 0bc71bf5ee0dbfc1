namespace Babelcast.Core.Scripture;

/// <summary>
/// Reads what follows a book's name: "3:16", "3:16-18", "3.16", "chapter three verse sixteen", "8 verses 28 to 30",
/// ", chapter 13", "three sixteen", "23". A range that crosses chapters keeps only its first verse.
/// </summary>
internal static class ScriptureLocationReader
{
    private static readonly HashSet<string> ChapterWords = new(StringComparer.OrdinalIgnoreCase) { "chapter", "chapters", "ch", "chap" };

    private static readonly HashSet<string> VerseWords = new(StringComparer.OrdinalIgnoreCase) { "verse", "verses", "v", "vv", "vs", "ver" };

    private static readonly HashSet<string> RangeWords = new(StringComparer.OrdinalIgnoreCase) { "to", "through", "thru", "till", "until" };

    public static bool TryRead(IReadOnlyList<ScriptureToken> tokens, int start, BibleBook book, out ScriptureLocation location)
    {
        location = default;
        var i = start;
        var comma = i < tokens.Count && tokens[i].IsPunctuation(',');
        if (comma)
        {
            i++;
        }

        var chapterWord = i < tokens.Count && tokens[i].Kind == ScriptureTokenKind.Word && ChapterWords.Contains(tokens[i].Text);
        if (chapterWord)
        {
            i = SkipAbbreviationDot(tokens, i + 1);
        }
        else if (comma)
        {
            return false;
        }
        else if (book.IsSingleChapter && TryReadVerseWord(tokens, i, out var afterVerseWord)
            && SpokenNumbers.TryRead(tokens, afterVerseWord, out var onlyVerse, out var afterOnlyVerse, out var onlySpelled))
        {
            // "Jude verse 3": the only chapter goes unsaid.
            var hasRange = TryReadRangeEnd(tokens, afterOnlyVerse, onlyVerse, out var onlyLast, out var afterOnlyRange);
            location = new ScriptureLocation(1, onlyVerse, hasRange ? onlyLast : null, hasRange ? afterOnlyRange : afterOnlyVerse,
                HasKeyword: true, HasSeparator: false, TwoNumbers: false, onlySpelled);
            return true;
        }

        if (!SpokenNumbers.TryRead(tokens, i, out var first, out var afterFirst, out var spelled))
        {
            return false;
        }

        var chapter = first;
        int? verseStart = null;
        var end = afterFirst;
        bool hasSeparator = false, verseWord = false, twoNumbers = false;
        var j = afterFirst;
        if (j + 1 < tokens.Count && !spelled && IsSeparator(tokens, j) && tokens[j + 1].Kind == ScriptureTokenKind.Number)
        {
            verseStart = tokens[j + 1].Value;
            end = j + 2;
            hasSeparator = true;
        }
        else if (TryReadVerseWord(tokens, j, out var afterWord) && SpokenNumbers.TryRead(tokens, afterWord, out var verse, out var afterVerse, out _))
        {
            verseStart = verse;
            end = afterVerse;
            verseWord = true;
        }
        else if (!chapterWord && SpokenNumbers.TryRead(tokens, j, out var second, out var afterSecond, out var secondSpelled)
            && secondSpelled == spelled && !(afterSecond < tokens.Count && tokens[afterSecond].IsDash && tokens[afterSecond].Start == tokens[afterSecond - 1].End))
        {
            verseStart = second;
            end = afterSecond;
            twoNumbers = true;
        }
        else if (!chapterWord && book.IsSingleChapter)
        {
            // "Jude 3" is verse 3 of the only chapter.
            verseStart = first;
            chapter = 1;
        }

        int? verseEnd = null;
        if (verseStart is { } s && TryReadRangeEnd(tokens, end, s, out var last, out var afterRange))
        {
            verseEnd = last;
            end = afterRange;
        }

        location = new ScriptureLocation(chapter, verseStart, verseEnd, end, chapterWord || verseWord, hasSeparator, twoNumbers, spelled);
        return true;
    }

    private static bool TryReadVerseWord(IReadOnlyList<ScriptureToken> tokens, int i, out int next)
    {
        next = i;
        if (i < tokens.Count && tokens[i].IsPunctuation(','))
        {
            i++;
        }

        if (i < tokens.Count && tokens[i].Kind == ScriptureTokenKind.Word && VerseWords.Contains(tokens[i].Text))
        {
            next = SkipAbbreviationDot(tokens, i + 1);
            return true;
        }

        return false;
    }

    private static bool TryReadRangeEnd(IReadOnlyList<ScriptureToken> tokens, int i, int start, out int last, out int next)
    {
        last = 0;
        next = i;
        if (i >= tokens.Count)
        {
            return false;
        }

        var isAnd = tokens[i].IsWord("and");
        if (!(tokens[i].IsDash || isAnd || (tokens[i].Kind == ScriptureTokenKind.Word && RangeWords.Contains(tokens[i].Text))))
        {
            return false;
        }

        if (!SpokenNumbers.TryRead(tokens, i + 1, out last, out next, out _))
        {
            return false;
        }

        // "3:16-4:2" crosses a chapter: keep the first verse only rather than guess. "and" joins only neighbours.
        if (next < tokens.Count && IsSeparator(tokens, next))
        {
            return false;
        }

        return !isAnd || last == start + 1;
    }

    /// <summary>":" or a "." written between digits with no space ("3.16").</summary>
    private static bool IsSeparator(IReadOnlyList<ScriptureToken> tokens, int i) =>
        tokens[i].IsPunctuation(':')
        || (tokens[i].IsPunctuation('.') && i > 0 && i + 1 < tokens.Count
            && tokens[i - 1].End == tokens[i].Start && tokens[i].End == tokens[i + 1].Start && tokens[i + 1].Kind == ScriptureTokenKind.Number);

    private static int SkipAbbreviationDot(IReadOnlyList<ScriptureToken> tokens, int i) =>
        i < tokens.Count && tokens[i].IsPunctuation('.') && tokens[i].Start == tokens[i - 1].End ? i + 1 : i;
}
