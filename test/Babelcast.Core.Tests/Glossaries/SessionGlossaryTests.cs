using Babelcast.Core.Glossaries;
using Babelcast.Core.Storage;

namespace Babelcast.Core.Tests.Glossaries;

public sealed class SessionGlossaryTests
{
    private static GlossaryEntry Entry(string term, string? soundsLike = null, params (string Language, string Text)[] renderings) =>
        new(term, soundsLike, renderings.ToDictionary(r => r.Language, r => r.Text, StringComparer.OrdinalIgnoreCase));

    private static readonly SessionGlossary Glossary = new(
    [
        Entry("Nguyen", "win", ("es", "Nguyễn")),
        Entry("Pastor Nguyen", null, ("fr", "le pasteur Nguyen")),
        Entry("Ecclesiastes", null, ("es", "Eclesiastés"), ("pt", "Eclesiastes")),
    ]);

    [Fact]
    public void Canonicalize_LowerCaseRecognisedWords_WritesTheTermsAsSpelled()
    {
        Assert.Equal("Today Pastor Nguyen reads Ecclesiastes.", Glossary.Canonicalize("Today pastor  nguyen reads ecclesiastes.", "en"));
    }

    [Fact]
    public void Canonicalize_PartOfALongerWord_IsLeftAlone()
    {
        Assert.Equal("nguyenville and ecclesiastesian", Glossary.Canonicalize("nguyenville and ecclesiastesian", "en"));
    }

    [Fact]
    public void Protect_LongestTermFirst_EachOccurrenceGetsItsOwnPlaceholder()
    {
        var p = Glossary.Protect("pastor nguyen met Nguyen in Ecclesiastes");

        Assert.Equal("Zxqva met Zxqvb in Zxqvc", p.Text);
        Assert.Equal(["Pastor Nguyen", "Nguyen", "Ecclesiastes"], p.Slots.Select(s => s.Term));
    }

    [Fact]
    public void Restore_TranslatorMovedPlaceholders_RenderingsLandWhereTheyAre()
    {
        var p = Glossary.Protect("Nguyen quotes Ecclesiastes");

        Assert.Equal("Eclesiastés es citado por Nguyễn", SessionGlossary.Restore(p, "Zxqvb es citado por Zxqva", "es"));
        Assert.Equal("Nguyen cita Eclesiastes", SessionGlossary.Restore(p, "zxqva cita Zxqvb", "pt-BR"));
        Assert.Equal("Nguyen cite Ecclesiastes", SessionGlossary.Restore(p, "Zxqva cite Zxqvb", "fr"));
    }

    [Fact]
    public void Protect_MoreTermsThanPlaceholders_LeavesTheRestAsText()
    {
        var text = string.Join(' ', Enumerable.Repeat("Nguyen", GlossaryPlaceholders.Capacity + 2));

        var p = Glossary.Protect(text);

        Assert.Equal(GlossaryPlaceholders.Capacity, p.Slots.Count);
        Assert.EndsWith("Zxqvz Nguyen Nguyen", p.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_SameTermTwice_FirstWinsAndTheKeyFollowsTermsOnly()
    {
        var first = new SessionGlossary([Entry("Nguyen", "win", ("es", "A")), Entry("nguyen", null, ("es", "B"))]);
        var renderingChanged = new SessionGlossary([Entry("Nguyen", "win", ("es", "C"))]);
        var soundsLikeChanged = new SessionGlossary([Entry("Nguyen", "new in")]);

        Assert.Single(first.Entries);
        Assert.Equal("A", first.Entries[0].RenderingFor("es"));
        Assert.Equal(first.RecognitionKey, renderingChanged.RecognitionKey);
        Assert.NotEqual(first.RecognitionKey, soundsLikeChanged.RecognitionKey);
        Assert.Equal(string.Empty, SessionGlossary.Empty.RecognitionKey);
    }

    [Fact]
    public void Protect_TermsWithRegexCharacters_AreLiteral()
    {
        var g = new SessionGlossary([Entry("C++ (v2)", null, ("es", "C más más"))]);

        var p = g.Protect("we use C++ (v2) and C (v2)");

        Assert.Equal("we use Zxqva and C (v2)", p.Text);
        Assert.Equal("usamos C más más", SessionGlossary.Restore(p, "usamos Zxqva", "es"));
    }
}
