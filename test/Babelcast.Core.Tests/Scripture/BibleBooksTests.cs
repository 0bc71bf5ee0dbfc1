using Babelcast.Core.Scripture;

namespace Babelcast.Core.Tests.Scripture;

public sealed class BibleBooksTests
{
    [Fact]
    public void All_HoldsTheProtestantCanonWithKjvTotals()
    {
        Assert.Equal(66, BibleBooks.All.Count);
        Assert.Equal(1189, BibleBooks.All.Sum(b => b.Chapters));
        Assert.Equal(31102, BibleBooks.All.Sum(b => Enumerable.Range(1, b.Chapters).Sum(b.VersesIn)));
    }

    [Theory]
    [InlineData("Gen", 1, 50, 31)]
    [InlineData("Ps", 119, 150, 176)]
    [InlineData("John", 3, 21, 36)]
    [InlineData("3John", 1, 1, 14)]
    [InlineData("Rev", 22, 22, 21)]
    public void GetByOsis_KnownBook_HasItsVersification(string osis, int chapter, int chapters, int verses)
    {
        var book = BibleBooks.GetByOsis(osis);

        Assert.Equal(chapters, book.Chapters);
        Assert.Equal(verses, book.VersesIn(chapter));
        Assert.Equal(0, book.VersesIn(chapters + 1));
    }

    [Fact]
    public void ScriptureReference_OutsideVersification_Throws()
    {
        var john = BibleBooks.GetByOsis("John");

        Assert.Throws<ArgumentOutOfRangeException>(() => new ScriptureReference(john, 22));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScriptureReference(john, 3, 37));
        Assert.Equal("John.3.16-John.3.18", new ScriptureReference(john, 3, 16, 18).Osis);
        Assert.Equal((1, 36), new ScriptureReference(john, 3).VerseRange);
    }
}
