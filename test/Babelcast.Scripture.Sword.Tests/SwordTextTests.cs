using Babelcast.Core.Scripture;

namespace Babelcast.Scripture.Sword.Tests;

public sealed class SwordTextTests
{
    [Theory]
    [InlineData("<w savlm=\"x\">God</w><w savlm=\"y\">created</w> the", "God created the")]
    [InlineData("only born</q><q marker=\"\"><w>Son</w>, that", "only born Son, that")]
    [InlineData("<w>Jude</w>,<w>a</w> servant", "Jude, a servant")]
    [InlineData("“<w>Blessed</w> are", "“Blessed are")]
    [InlineData("<w>world</w>, that", "world, that")]
    [InlineData("<q marker=\"\">¶ <w>For</w> God</q>", "For God")]
    [InlineData("a <note type=\"x\">a footnote</note>b", "a b")]
    [InlineData("Tom &amp; Jerry", "Tom & Jerry")]
    public void ToPlain_Markup_BecomesReadableText(string markup, string expected)
    {
        Assert.Equal(expected, SwordText.ToPlain(markup));
    }

    [Fact]
    public void ParseVerses_OtherBookOrChapter_IsDropped()
    {
        const string output = "Acts 12:1: Now about that time\nJohn 3:16: For God\nJohn 3:17: For God sent\n(engKJV2006eb)\n";

        var verses = SwordText.ParseVerses(output, "John", 3, 16, 16);

        Assert.Equal([new BibleVerse(3, 16, "For God")], verses);
    }

    [Fact]
    public void ParseVerses_TitleBeforeTheVerse_IsDropped()
    {
        const string output = "<title type=\"psalm\">A Psalm by David.</title> <lg/> <l/>Psalms 23:1: <w>Yahweh</w> is\n(engWEB2015eb)\n";

        var verse = Assert.Single(SwordText.ParseVerses(output, "Psalms", 23, 1, 6));

        Assert.Equal("Yahweh is", verse.Text);
    }

    [Fact]
    public void SwordModuleConf_Bible_IsRead()
    {
        const string conf = "[spaRV1909eb]\nDescription=Reina Valera 1909\nModDrv=zText\nCategory=Biblical Texts\nLang=es\nDistributionLicense=Public Domain\n";

        Assert.Equal(new BibleInfo("spaRV1909eb", "Reina Valera 1909", "es", "Public Domain"), SwordModuleConf.Parse(conf));
        Assert.Null(SwordModuleConf.Parse("[Globals]\nx=y\n"));
        Assert.Null(SwordModuleConf.Parse("[StrongsGreek]\nModDrv=RawLD\nCategory=Lexicons / Dictionaries\n"));
    }
}
