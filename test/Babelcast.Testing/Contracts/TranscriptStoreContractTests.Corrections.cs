using Babelcast.Core.Pipeline;
using Xunit;
using static Babelcast.Testing.Contracts.StoreSamples;

namespace Babelcast.Testing.Contracts;

/// <summary>Operator corrections: the phrase and its translations are rewritten in place, nothing else moves.</summary>
public abstract partial class TranscriptStoreContractTests
{
    [Fact]
    public async Task CorrectPhraseAsync_StoredPhrase_RewritesSourceAndGivenLanguagesInPlace()
    {
        var store = await CreateAsync();
        var phrase = Phrase("s-1", 1, timingsJson: "{\"recognised\":12}") with { Origin = PhraseOrigin.Typed };
        await store.AddPhraseAsync(phrase, Ct);
        await store.AddPhraseAsync(Phrase("s-1", 2), Ct);
        await store.AddTranslationAsync(Translation("s-1", 1, "es") with { Origin = PhraseOrigin.Typed }, Ct);
        await store.AddTranslationAsync(Translation("s-1", 1, "fr") with { Origin = PhraseOrigin.Typed }, Ct);
        await store.AddTranslationAsync(Translation("s-1", 2, "es"), Ct);

        var corrected = await store.CorrectPhraseAsync(
            "s-1", 1, "the corrected words", new Dictionary<string, string> { ["es"] = "las palabras", ["ca"] = "les paraules" }, T0.AddHours(1), Ct);

        Assert.Equal(phrase with { SourceText = "the corrected words" }, corrected);
        Assert.Equal([phrase with { SourceText = "the corrected words" }, Phrase("s-1", 2)], await store.GetPhrasesAsync("s-1", Ct));
        var spanish = await store.GetTranslationsAsync("s-1", "es", 0, 10, Ct);
        Assert.Equal(Translation("s-1", 1, "es") with { Text = "las palabras", SourceText = "the corrected words", Origin = PhraseOrigin.Typed }, spanish[0]);
        Assert.Equal(Translation("s-1", 2, "es"), spanish[1]);

        // A language the phrase had no translation in is added; one not translated again names the new source.
        var catalan = Assert.Single(await store.GetTranslationsAsync("s-1", "ca", 0, 10, Ct));
        Assert.Equal(("les paraules", "the corrected words", phrase.StartMs, phrase.EndMs, PhraseOrigin.Typed),
            (catalan.Text, catalan.SourceText, catalan.StartMs, catalan.EndMs, catalan.Origin));
        var french = Assert.Single(await store.GetTranslationsAsync("s-1", "fr", 0, 10, Ct));
        Assert.Equal(("fr 1", "the corrected words"), (french.Text, french.SourceText));
        Assert.Equal(["ca", "es", "fr"], (await store.GetTranslationLanguagesAsync("s-1", 1, Ct)).Order());
    }

    [Fact]
    public async Task CorrectPhraseAsync_UnknownPhraseOrSession_ReturnsNullAndChangesNothing()
    {
        var store = await CreateAsync();
        await store.AddPhraseAsync(Phrase("s-1", 1), Ct);
        await store.AddTranslationAsync(Translation("s-1", 1, "es"), Ct);
        var translations = new Dictionary<string, string> { ["es"] = "nada" };

        Assert.Null(await store.CorrectPhraseAsync("s-1", 2, "nothing", translations, T0, Ct));
        Assert.Null(await store.CorrectPhraseAsync("s-2", 1, "nothing", translations, T0, Ct));

        Assert.Equal([Phrase("s-1", 1)], await store.GetPhrasesAsync("s-1", Ct));
        Assert.Equal([Translation("s-1", 1, "es")], await store.GetTranslationsAsync("s-1", "es", 0, 10, Ct));
        Assert.Empty(await store.GetTranslationsAsync("s-2", "es", 0, 10, Ct));
        Assert.Empty(await store.GetTranslationLanguagesAsync("s-1", 2, Ct));
    }

    [Fact]
    public async Task CorrectPhraseAsync_Twice_LastCorrectionWins()
    {
        var store = await CreateAsync();
        await store.AddPhraseAsync(Phrase("s-1", 1), Ct);

        await store.CorrectPhraseAsync("s-1", 1, "first", new Dictionary<string, string> { ["es"] = "primero" }, T0, Ct);
        await store.CorrectPhraseAsync("s-1", 1, "second", new Dictionary<string, string> { ["es"] = "segundo" }, T0, Ct);

        Assert.Equal("second", Assert.Single(await store.GetPhrasesAsync("s-1", Ct)).SourceText);
        Assert.Equal("segundo", Assert.Single(await store.GetLatestTranslationsAsync("s-1", "es", 5, Ct)).Text);
    }
}
