using Babelcast.Core.Glossaries;
using Babelcast.Core.Storage;

namespace Babelcast.Core.Tests.Glossaries;

public sealed class GlossaryCsvTests
{
    [Fact]
    public void Write_ThenRead_RoundTripsQuotesCommasAndNewLines()
    {
        GlossaryEntry[] entries =
        [
            new("Nguyen", "win", new Dictionary<string, string> { ["es"] = "Nguyễn", ["fr"] = "Nguyen, \"le pasteur\"" }),
            new("Ecclesiastes", null, new Dictionary<string, string> { ["pt-BR"] = "Ecle\nsiastes" }),
        ];

        var csv = GlossaryCsv.Write(entries);
        var (read, error) = GlossaryCsv.Read(csv, 10);

        Assert.Null(error);
        Assert.StartsWith("term,soundsLike,es,fr,pt-BR\r\n", csv, StringComparison.Ordinal);
        Assert.Equivalent(entries, read, strict: false);
        Assert.Equal("Nguyen, \"le pasteur\"", read![0].Renderings["fr"]);
        Assert.Null(read[1].SoundsLike);
        Assert.False(read[1].Renderings.ContainsKey("es"));
    }

    [Fact]
    public void Read_BomLfAndBlankLines_AreAccepted()
    {
        var (read, error) = GlossaryCsv.Read("\uFEFFTerm,SoundsLike,es\nNguyen,win,Nguyễn\n\nZion,,Sion\n", 10);

        Assert.Null(error);
        Assert.NotNull(read);
        Assert.Equal(["Nguyen", "Zion"], read.Select(e => e.Term));
        Assert.Equal("Sion", read[1].Renderings["es"]);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("word,es\nNguyen,x\n", "header")]
    [InlineData("term,soundsLike,es\n\"Nguyen,win\n", "not closed")]
    [InlineData("term,soundsLike,es\nNgu\"yen,win,x\n", "Line 2")]
    [InlineData("term,soundsLike\nNguyen,win,extra\n", "Row 2")]
    public void Read_Malformed_SaysWhy(string csv, string expected)
    {
        var (read, error) = GlossaryCsv.Read(csv, 10);

        Assert.Null(read);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MoreRowsThanTheLimit_StopsOneEntryPastIt()
    {
        var csv = "term,soundsLike\n" + string.Concat(Enumerable.Range(0, 50).Select(i => $"t{i},\n"));

        var (read, error) = GlossaryCsv.Read(csv, 5);

        Assert.Null(error);
        Assert.Equal(6, read!.Count);
    }
}
