namespace Babelcast.Engines.Whisper.Tests;

public sealed class LocalAgreementTests
{
    [Fact]
    public void Add_FirstHypothesis_ShowsNothing()
    {
        var agreement = new LocalAgreement();
        Assert.Equal(string.Empty, agreement.Add("four score and"));
        Assert.Equal("four score and", agreement.Latest);
    }

    [Fact]
    public void Add_TwoAgreeing_ShowsCommonPrefix()
    {
        var agreement = new LocalAgreement();
        agreement.Add("four score and seven");
        Assert.Equal("Four score and", agreement.Add("Four score and several years")); // the newer decode's spelling
        Assert.Equal("Four score and several years", agreement.Add("four score and several years")); // shown words stay as shown
    }

    [Fact]
    public void Add_LaterDecodeRewritesShownWords_ShownTextStays()
    {
        var agreement = new LocalAgreement();
        agreement.Add("four score and seven");
        agreement.Add("four score and seven years");
        Assert.Equal("four score and seven", agreement.Add("for scores and seven years ago"));
        Assert.Equal("four score and seven", agreement.Add("for scores and seven years ago our"));
    }

    [Fact]
    public void Add_SequenceOfDecodes_NeverShrinks()
    {
        var agreement = new LocalAgreement();
        string[] decodes =
        [
            "four", "four score", "four score and", "for score and seven", "four score and seven years",
            "four score and seven years ago", "four score and seven years ago our", "four score and seven years ago our fathers",
        ];
        var shown = new List<string>();
        foreach (var decode in decodes)
        {
            shown.Add(agreement.Add(decode));
        }

        for (var i = 1; i < shown.Count; i++)
        {
            Assert.StartsWith(shown[i - 1], shown[i], StringComparison.Ordinal);
        }

        Assert.Equal("four score and seven years ago our", shown[^1]);
    }

    [Fact]
    public void Reset_ClearsAgreement()
    {
        var agreement = new LocalAgreement();
        agreement.Add("a b");
        agreement.Add("a b c");
        agreement.Reset();
        Assert.Equal(string.Empty, agreement.Add("a b c"));
    }
}
