using Babelcast.Core.Scripture;

namespace Babelcast.Scripture.Sword.Tests;

/// <summary>Against the real diatheke and the modules scripts/setup.sh installs (engWEB2015eb, engKJV2006eb, spaRV1909eb).</summary>
public sealed class SwordBibleLibraryTests
{
    private static ScriptureReference Ref(string text) =>
        ScriptureReferenceParser.TryParse(text, out var reference, out var error) ? reference : throw new ArgumentException(error);

    [Fact]
    public async Task ListBiblesAsync_InstalledModules_ListsTheThreePublicDomainBibles()
    {
        using var library = LibraryFactory.Create();

        var bibles = await library.ListBiblesAsync(CancellationToken.None);

        Assert.Contains(new BibleInfo("engWEB2015eb", "World English Bible with Deuterocanon", "en", "Public Domain"), bibles);
        Assert.Contains(new BibleInfo("engKJV2006eb", "King James Version", "en", "Public Domain"), bibles);
        Assert.Contains(new BibleInfo("spaRV1909eb", "Reina Valera 1909", "es", "Public Domain"), bibles);
    }

    [Theory]
    [InlineData("engWEB2015eb", "For God so loved the world, that he gave his only born Son")]
    [InlineData("engKJV2006eb", "For God so loved the world, that he gave his only begotten Son")]
    [InlineData("spaRV1909eb", "de tal manera amó Dios al mundo")]
    public async Task GetPassageAsync_John316_HasTheVerseAsPlainText(string module, string expected)
    {
        using var library = LibraryFactory.Create();

        var passage = await library.GetPassageAsync(module, Ref("John 3:16"), CancellationToken.None);

        Assert.Equal(PassageStatus.Found, passage.Status);
        var verse = Assert.Single(passage.Verses);
        Assert.Equal((3, 16), (verse.Chapter, verse.Verse));
        Assert.Contains(expected, verse.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<", verse.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("¶", verse.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPassageAsync_Range_ReturnsEachVerse()
    {
        using var library = LibraryFactory.Create();

        var passage = await library.GetPassageAsync("engKJV2006eb", Ref("1 Corinthians 13:4-7"), CancellationToken.None);

        Assert.Equal([4, 5, 6, 7], passage.Verses.Select(v => v.Verse));
        Assert.StartsWith("Charity suffereth long", passage.Verses[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPassageAsync_WholePsalm_DropsTheTitleAndJoinsPoetryLines()
    {
        using var library = LibraryFactory.Create();

        var passage = await library.GetPassageAsync("engWEB2015eb", Ref("Psalm 23"), CancellationToken.None);

        Assert.Equal(Enumerable.Range(1, 6), passage.Verses.Select(v => v.Verse));
        Assert.Equal("Yahweh is my shepherd; I shall lack nothing.", passage.Verses[0].Text);
    }

    [Fact]
    public async Task GetPassageAsync_WebWordsWrittenTogether_AreSeparated()
    {
        using var library = LibraryFactory.Create();

        var passage = await library.GetPassageAsync("engWEB2015eb", Ref("Genesis 1:1"), CancellationToken.None);

        Assert.Equal("In the beginning, God created the heavens and the earth.", Assert.Single(passage.Verses).Text);
    }

    [Fact]
    public async Task GetPassageAsync_UnknownModule_IsUnavailableNotAnException()
    {
        using var library = LibraryFactory.Create();

        var passage = await library.GetPassageAsync("engNOPE", Ref("John 3:16"), CancellationToken.None);

        Assert.Equal(PassageStatus.Unavailable, passage.Status);
        Assert.Empty(passage.Verses);
        Assert.Contains("engNOPE", passage.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPassageAsync_SecondCall_IsServedFromTheCache()
    {
        using var library = LibraryFactory.Create();
        var first = await library.GetPassageAsync("engKJV2006eb", Ref("John 1:1"), CancellationToken.None);

        var second = await library.GetPassageAsync("engKJV2006eb", Ref("John 1:1"), CancellationToken.None);

        Assert.Same(first.Verses, second.Verses);
    }

    [Fact]
    public async Task ListBiblesAsync_NoDiatheke_IsEmpty()
    {
        using var library = LibraryFactory.Create(o => o.DiathekePath = "/nonexistent/diatheke");

        Assert.Empty(await library.ListBiblesAsync(CancellationToken.None));
        var passage = await library.GetPassageAsync("engKJV2006eb", Ref("John 3:16"), CancellationToken.None);
        Assert.Equal(PassageStatus.Unavailable, passage.Status);
    }

    [Fact]
    public async Task ListBiblesAsync_NoModules_IsEmpty()
    {
        using var library = LibraryFactory.Create(o => o.SwordPath = Path.Combine(Path.GetTempPath(), "babelcast-no-sword-" + Guid.NewGuid().ToString("N")));

        Assert.Empty(await library.ListBiblesAsync(CancellationToken.None));
    }

    [Fact]
    public async Task GetPassageAsync_ReaderHangs_TimesOut()
    {
        var fake = Path.Combine(Path.GetTempPath(), "babelcast-slow-diatheke-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(fake, "#!/bin/sh\nsleep 30\n");
        Assert.False(OperatingSystem.IsWindows());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
        }

        try
        {
            using var library = LibraryFactory.Create(o => { o.DiathekePath = fake; o.Timeout = TimeSpan.FromMilliseconds(300); });

            var passage = await library.GetPassageAsync("engKJV2006eb", Ref("John 3:16"), CancellationToken.None);

            Assert.Equal(PassageStatus.Unavailable, passage.Status);
            Assert.Contains("timed out", passage.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(fake);
        }
    }
}
