using System.Globalization;
using Babelcast.Core.Scripture;

namespace Babelcast.Core.Tests.Scripture;

/// <summary>Sweeps over the whole versification table and every spelled number, and random text.</summary>
public sealed class ScriptureParserCoverageTests
{
    private static readonly string[] Units = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
    private static readonly string[] Teens = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    [Fact]
    public void TryParse_EveryChapterOfEveryBook_LastVerseValidAndOneMoreInvalid()
    {
        foreach (var book in BibleBooks.All)
        {
            for (var chapter = 1; chapter <= book.Chapters; chapter++)
            {
                var last = book.VersesIn(chapter);
                var text = string.Create(CultureInfo.InvariantCulture, $"{book.Name} {chapter}:{last}");
                Assert.True(ScriptureReferenceParser.TryParse(text, out var reference, out var error), $"{text}: {error}");
                Assert.Equal((book, chapter, last), (reference.Book, reference.Chapter, reference.VerseStart!.Value));
                Assert.False(ScriptureReferenceParser.TryParse(string.Create(CultureInfo.InvariantCulture, $"{book.Name} {chapter}:{last + 1}"), out _, out _));
            }

            Assert.False(ScriptureReferenceParser.TryParse(string.Create(CultureInfo.InvariantCulture, $"{book.Name} {book.Chapters + 1}:1"), out _, out _));
        }
    }

    [Fact]
    public void FindAll_EverySpelledVerseOfPsalm119_IsRead()
    {
        for (var verse = 1; verse <= 176; verse++)
        {
            var text = $"psalm one hundred nineteen verse {Spell(verse)}";

            var match = Assert.Single(ScriptureReferenceParser.FindAll(text));

            Assert.True(match.Reference.VerseStart == verse, $"'{text}' read as {match.Reference.Display}");
        }
    }

    [Fact]
    public void FindAll_RandomWordsAndNumbers_NeverThrowsAndOnlyReturnsValidReferences()
    {
        string[] vocabulary = ["John", "john", "Mark", "the", "first", "I", "1", "3", ":", "16", "-", "chapter", "verse", "to", "and", "Psalm", "Jude",
            "three", "sixteen", "a", "hundred", "letter", "of", "Corinthians", ",", ".", "Song", "Songs", "Job", "job", "twenty", "200", "0", "99999"];
        var random = new Random(1234);
        for (var i = 0; i < 2000; i++)
        {
            var text = string.Join(' ', Enumerable.Range(0, random.Next(1, 12)).Select(_ => vocabulary[random.Next(vocabulary.Length)]));

            foreach (var match in ScriptureReferenceParser.FindAll(text))
            {
                var reference = match.Reference;
                Assert.InRange(reference.Chapter, 1, reference.Book.Chapters);
                Assert.Equal(match.Text, text.Substring(match.Start, match.Length));
            }

            _ = ScriptureReferenceParser.TryParse(text, out _, out _);
        }
    }

    private static string Spell(int n) => n switch
    {
        >= 100 => "one hundred" + (n > 100 ? " and " + Spell(n - 100) : ""),
        >= 20 => Tens[n / 10] + (n % 10 > 0 ? "-" + Units[n % 10] : ""),
        >= 10 => Teens[n - 10],
        _ => Units[n],
    };
}
