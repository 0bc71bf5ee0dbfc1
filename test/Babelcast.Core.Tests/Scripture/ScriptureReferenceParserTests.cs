using Babelcast.Core.Scripture;

namespace Babelcast.Core.Tests.Scripture;

public sealed class ScriptureReferenceParserTests
{
    [Theory]
    [InlineData("John 3:16", "John 3:16")]
    [InlineData("Read John 3:16-18 with me.", "John 3:16-18")]
    [InlineData("John 3:16–18", "John 3:16-18")]
    [InlineData("john chapter three verse sixteen", "John 3:16")]
    [InlineData("Turn to John chapter 3, verse 16.", "John 3:16")]
    [InlineData("John three sixteen", "John 3:16")]
    [InlineData("john three sixteen says it all", "John 3:16")]
    [InlineData("the first letter to the Corinthians, chapter 13", "1 Corinthians 13")]
    [InlineData("the first epistle of Paul to the Corinthians chapter thirteen", "1 Corinthians 13")]
    [InlineData("First Corinthians thirteen", "1 Corinthians 13")]
    [InlineData("first corinthians thirteen four to seven", "1 Corinthians 13:4-7")]
    [InlineData("1 Cor 13:4-7", "1 Corinthians 13:4-7")]
    [InlineData("1Cor 13:4", "1 Corinthians 13:4")]
    [InlineData("I Corinthians 13:1", "1 Corinthians 13:1")]
    [InlineData("II Corinthians 5:17", "2 Corinthians 5:17")]
    [InlineData("2nd Corinthians 5:17", "2 Corinthians 5:17")]
    [InlineData("Second Kings chapter two", "2 Kings 2")]
    [InlineData("the second book of Kings, chapter 2", "2 Kings 2")]
    [InlineData("Psalm 23", "Psalms 23")]
    [InlineData("psalm twenty three", "Psalms 23")]
    [InlineData("psalm twenty-three verse four", "Psalms 23:4")]
    [InlineData("Psalms 119:176", "Psalms 119:176")]
    [InlineData("psalm a hundred and nineteen verse one hundred seventy-six", "Psalms 119:176")]
    [InlineData("psalm one hundred nineteen", "Psalms 119")]
    [InlineData("Ps 23:1", "Psalms 23:1")]
    [InlineData("Romans 8 verses 28 to 30", "Romans 8:28-30")]
    [InlineData("romans eight verses twenty-eight through thirty", "Romans 8:28-30")]
    [InlineData("Romans 8:28 and 29", "Romans 8:28-29")]
    [InlineData("Rom. 8:28", "Romans 8:28")]
    [InlineData("the Gospel of Luke chapter 2", "Luke 2")]
    [InlineData("the gospel according to John, chapter 1", "John 1")]
    [InlineData("the book of Job chapter 38", "Job 38")]
    [InlineData("the letter to the Hebrews chapter eleven", "Hebrews 11")]
    [InlineData("the letter of James, chapter 2, verse 17", "James 2:17")]
    [InlineData("Song of Solomon 2:1", "Song of Solomon 2:1")]
    [InlineData("Song of Songs 2:1", "Song of Solomon 2:1")]
    [InlineData("Revelation 3:20", "Revelation 3:20")]
    [InlineData("Revelations 21:4", "Revelation 21:4")]
    [InlineData("Genesis 1", "Genesis 1")]
    [InlineData("genesis one one", "Genesis 1:1")]
    [InlineData("Obadiah 3", "Obadiah 1:3")]
    [InlineData("Jude verse 3", "Jude 1:3")]
    [InlineData("Obadiah 1:4", "Obadiah 1:4")]
    [InlineData("3 John 1:4", "3 John 1:4")]
    [InlineData("first John four eight", "1 John 4:8")]
    [InlineData("1st John 4:8", "1 John 4:8")]
    [InlineData("two Timothy three sixteen", "2 Timothy 3:16")]
    [InlineData("John 3.16", "John 3:16")]
    [InlineData("Mt 5:3", "Matthew 5:3")]
    [InlineData("Acts 2:38", "Acts 2:38")]
    [InlineData("Mark 1:1", "Mark 1:1")]
    [InlineData("Ecclesiastes 3", "Ecclesiastes 3")]
    [InlineData("Philemon 1", "Philemon 1:1")]
    [InlineData("Philemon chapter 1", "Philemon 1")]
    [InlineData("(see John 3:16)", "John 3:16")]
    [InlineData("as it says in John 3:16, God loves", "John 3:16")]
    [InlineData("Matthew 5:3-12.", "Matthew 5:3-12")]
    [InlineData("Isaiah 53", "Isaiah 53")]
    [InlineData("1 Thess 5:17", "1 Thessalonians 5:17")]
    [InlineData("Second Timothy 3:16", "2 Timothy 3:16")]
    [InlineData("the first book of Samuel chapter 17", "1 Samuel 17")]
    [InlineData("Ecclesiastes chapter three verses one through eight", "Ecclesiastes 3:1-8")]
    [InlineData("Hebrews 11 verse 1", "Hebrews 11:1")]
    [InlineData("Acts chapter two verse thirty-eight", "Acts 2:38")]
    [InlineData("Acts two thirty-eight", "Acts 2:38")]
    public void FindAll_Reference_IsFound(string text, string expected)
    {
        var found = ScriptureReferenceParser.FindAll(text);

        Assert.Equal(expected, Assert.Single(found).Reference.Display);
    }

    [Theory]
    [InlineData("I said it twice, first John and then Mark")]
    [InlineData("Mark my words")]
    [InlineData("I lost my job 2 years ago")]
    [InlineData("i lost my job two years ago")]
    [InlineData("I lost my job 2 3 times")]
    [InlineData("i lost my job two three times")]
    [InlineData("Call John 3 times")]
    [InlineData("call john three times")]
    [InlineData("I gave John 3 apples")]
    [InlineData("John has 3 children and Mark 2")]
    [InlineData("He acts 2 parts in the play")]
    [InlineData("Numbers 1 to 10 are on the board")]
    [InlineData("the numbers one two three")]
    [InlineData("Mark 2 is late")]
    [InlineData("Luke 14 is my nephew's age")]
    [InlineData("Kings 2 and 3 of the chess set")]
    [InlineData("I gave John three sixteen-page letters")]
    [InlineData("mark two and three")]
    [InlineData("Is 53 the answer?")]
    [InlineData("Am 5 minutes late?")]
    [InlineData("Corinthians 13")]
    [InlineData("verse 16")]
    [InlineData("chapter 3")]
    [InlineData("the song 3 times")]
    [InlineData("Revelation 3 is a good film")]
    [InlineData("Jude 3")]
    [InlineData("Meet John 10:30 am at the door")]
    [InlineData("Mark 3:30 p.m. works")]
    [InlineData("See you, Mark, 3:30 tomorrow")]
    [InlineData("")]
    public void FindAll_OrdinarySpeech_FindsNothing(string text)
    {
        Assert.Empty(ScriptureReferenceParser.FindAll(text));
    }

    [Theory]
    [InlineData("John 33:1")]
    [InlineData("John 3:99")]
    [InlineData("John 3:16-99")]
    [InlineData("Psalm 151")]
    [InlineData("Psalm 119:177")]
    [InlineData("Jude 2:1")]
    [InlineData("Jude 26")]
    [InlineData("Genesis 51")]
    [InlineData("Romans 0")]
    [InlineData("John chapter forty")]
    [InlineData("3 John 2:1")]
    public void FindAll_OutsideVersification_FindsNothing(string text)
    {
        Assert.Empty(ScriptureReferenceParser.FindAll(text));
    }

    [Fact]
    public void FindAll_SeveralReferences_FoundInOrderWithPlaces()
    {
        const string text = "Compare John 3:16 with Romans 5:8, and then read Psalm 23.";

        var found = ScriptureReferenceParser.FindAll(text);

        Assert.Equal(["John 3:16", "Romans 5:8", "Psalms 23"], found.Select(f => f.Reference.Display));
        Assert.Equal("John 3:16", found[0].Text);
        Assert.Equal(text.IndexOf("John", StringComparison.Ordinal), found[0].Start);
        Assert.Equal("Romans 5:8", text.Substring(found[1].Start, found[1].Length));
    }

    [Fact]
    public void FindAll_SpokenPhrase_MatchCoversTheWholePhrase()
    {
        const string text = "please open the first letter to the corinthians chapter thirteen verse four";

        var match = Assert.Single(ScriptureReferenceParser.FindAll(text));

        Assert.Equal("the first letter to the corinthians chapter thirteen verse four", match.Text);
        Assert.Equal("1Cor.13.4", match.Reference.Osis);
    }

    [Fact]
    public void FindAll_CrossChapterRange_KeepsTheFirstVerseOnly()
    {
        var match = Assert.Single(ScriptureReferenceParser.FindAll("John 3:16-4:2"));

        Assert.Equal("John 3:16", match.Reference.Display);
    }

    [Fact]
    public void FindAll_AndJoinsOnlyNeighbouringVerses()
    {
        var match = Assert.Single(ScriptureReferenceParser.FindAll("Romans 8:28 and 31"));

        Assert.Equal("Romans 8:28", match.Reference.Display);
    }

    [Fact]
    public void FindAll_LowercaseBookNameInCasedText_IsIgnoredButDistinctBooksAreNot()
    {
        Assert.Empty(ScriptureReferenceParser.FindAll("Then john 3:16 said hello."));
        Assert.Equal("Romans 8", Assert.Single(ScriptureReferenceParser.FindAll("Then romans 8 came up.")).Reference.Display);
    }

    [Fact]
    public void FindAll_EveryBookByItsEnglishName_IsFound()
    {
        foreach (var book in BibleBooks.All)
        {
            var found = ScriptureReferenceParser.FindAll($"{book.Name} 1:1");

            Assert.True(found.Count == 1 && found[0].Reference.Book == book, $"{book.Name} 1:1 was not found as {book.OsisId}");
        }
    }

    [Fact]
    public void FindAll_VeryLongText_IsCutAndDoesNotThrow()
    {
        var text = string.Concat(Enumerable.Repeat("John 3:16 ", 5000));

        var found = ScriptureReferenceParser.FindAll(text);

        Assert.InRange(found.Count, 1, ScriptureReferenceParser.MaxTextLength / 10 + 1);
    }

    [Theory]
    [InlineData("John 3", "John 3")]
    [InlineData("job 1:1", "Job 1:1")]
    [InlineData("Jn 3:16", "John 3:16")]
    [InlineData("  Mark 2  ", "Mark 2")]
    [InlineData("John 3:16.", "John 3:16")]
    [InlineData("1 John 4", "1 John 4")]
    [InlineData("Jude 3", "Jude 1:3")]
    public void TryParse_Reference_IsParsed(string text, string expected)
    {
        Assert.True(ScriptureReferenceParser.TryParse(text, out var reference, out var error), error);
        Assert.Equal(expected, reference.Display);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("Hezekiah 3:1", "No book")]
    [InlineData("John", "chapter number must follow")]
    [InlineData("John 33:1", "21 chapters")]
    [InlineData("John 3:40", "36 verses")]
    [InlineData("John 3:16 and more", "Unexpected")]
    [InlineData("John 3:18-16", "before the first")]
    [InlineData("Jude 2:1", "only one chapter")]
    public void TryParse_Invalid_SaysWhy(string text, string expectedInError)
    {
        Assert.False(ScriptureReferenceParser.TryParse(text, out var reference, out var error));
        Assert.Null(reference);
        Assert.Contains(expectedInError, error, StringComparison.OrdinalIgnoreCase);
    }
}
