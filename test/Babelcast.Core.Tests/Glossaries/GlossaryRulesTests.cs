using Babelcast.Core.Glossaries;
using Babelcast.Core.Protocol;
using Babelcast.Core.Storage;

namespace Babelcast.Core.Tests.Glossaries;

public sealed class GlossaryRulesTests
{
    private static readonly GlossaryOptions Options = new() { MaxEntries = 3, MaxTermLength = 20, MaxTermWords = 3, MaxRenderingLength = 30 };

    private static GlossaryEntry Entry(string term, string? soundsLike = null, string language = "es", string rendering = "x") =>
        new(term, soundsLike, new Dictionary<string, string> { [language] = rendering });

    [Fact]
    public void Check_WithinLimits_IsNull() =>
        Assert.Null(GlossaryRules.Check("Names", [Entry("Nguyen", "win"), Entry("Pastor Nguyen", language: "pt-BR")], Options));

    [Theory]
    [InlineData("Aaaaaaaaaaaaaaaaaaaaa", null)]
    [InlineData("one two three four", null)]
    [InlineData("Nguyen", "a b c d")]
    public void Check_TermOrSoundsLikeTooLong_IsGlossaryTermTooLong(string term, string? soundsLike) =>
        Assert.Equal(ErrorCodes.GlossaryTermTooLong, GlossaryRules.Check("Names", [Entry(term, soundsLike)], Options)?.Code);

    [Fact]
    public void Check_RenderingTooLong_IsGlossaryTermTooLong() =>
        Assert.Equal(ErrorCodes.GlossaryTermTooLong, GlossaryRules.Check("Names", [Entry("Nguyen", rendering: new string('x', 31))], Options)?.Code);

    [Fact]
    public void Check_TooManyEntries_IsGlossaryTooLarge() =>
        Assert.Equal(ErrorCodes.GlossaryTooLarge, GlossaryRules.Check("Names", [Entry("a"), Entry("b"), Entry("c"), Entry("d")], Options)?.Code);

    [Theory]
    [InlineData("", "es")]
    [InlineData("   ", "es")]
    [InlineData("--", "es")]
    [InlineData("Nguyen", "Spanish")]
    [InlineData("Nguyen", "e")]
    public void Check_BadTermOrLanguage_IsValidationFailed(string term, string language) =>
        Assert.Equal(ErrorCodes.ValidationFailed, GlossaryRules.Check("Names", [Entry(term, language: language)], Options)?.Code);

    [Fact]
    public void Check_DuplicateTermsIgnoringCaseAndSpaces_IsValidationFailed() =>
        Assert.Equal(ErrorCodes.ValidationFailed, GlossaryRules.Check("Names", [Entry("Pastor Nguyen"), Entry("pastor  nguyen")], Options)?.Code);

    [Fact]
    public void Check_NoName_IsValidationFailed() =>
        Assert.Equal(ErrorCodes.ValidationFailed, GlossaryRules.Check(" ", [], Options)?.Code);

    [Fact]
    public void Tidy_CollapsesSpacesAndDropsEmptyRenderings()
    {
        var tidy = GlossaryRules.Tidy(new GlossaryEntry("  Pastor \t Nguyen ", "  ", new Dictionary<string, string> { ["es"] = " ", ["fr"] = " le  pasteur " }));

        Assert.Equal("Pastor Nguyen", tidy.Term);
        Assert.Null(tidy.SoundsLike);
        Assert.Equal(["fr"], tidy.Renderings.Keys);
        Assert.Equal("le pasteur", tidy.Renderings["fr"]);
    }
}
