using Babelcast.Core.Pipeline;
using Babelcast.Core.Storage;
using Xunit;
using static Babelcast.Testing.Contracts.StoreSamples;

namespace Babelcast.Testing.Contracts;

/// <summary>
/// The behaviour every <see cref="ITranscriptStore"/> must show. Sessions "s-1" and "s-2" exist before each test,
/// since a backend may tie transcript rows to their session.
/// </summary>
public abstract partial class TranscriptStoreContractTests
{
    /// <summary>Stores over one empty, migrated database; called once per test.</summary>
    protected abstract ValueTask<(ITranscriptStore Transcripts, ISessionStore Sessions)> CreateStoresAsync();

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task AddPhraseAsync_NewPhrase_GetPhrasesReturnsIt()
    {
        var store = await CreateAsync();
        var withTimings = Phrase("s-1", 1, timingsJson: """{"asrMs":120,"stages":[1,2,3]}""");
        var without = Phrase("s-1", 2);

        await store.AddPhraseAsync(withTimings, Ct);
        await store.AddPhraseAsync(without, Ct);

        Assert.Equal([withTimings, without], await store.GetPhrasesAsync("s-1", Ct));
    }

    [Fact]
    public async Task UpdatePhraseTimingsAsync_StoredPhrase_ReplacesOnlyItsTimings()
    {
        var store = await CreateAsync();
        var phrase = Phrase("s-1", 1);
        var other = Phrase("s-1", 2);
        await store.AddPhraseAsync(phrase, Ct);
        await store.AddPhraseAsync(other, Ct);
        const string timings = "{\"recognised\":412.5}";

        await store.UpdatePhraseTimingsAsync("s-1", 1, timings, Ct);
        await store.UpdatePhraseTimingsAsync("s-1", 99, timings, Ct);

        Assert.Equal([phrase with { TimingsJson = timings }, other], await store.GetPhrasesAsync("s-1", Ct));
    }

    [Fact]
    public async Task AddPhraseAsync_SameSeqTwice_StoresOnePhrase()
    {
        var store = await CreateAsync();
        var phrase = Phrase("s-1", 1);

        await store.AddPhraseAsync(phrase, Ct);
        await store.AddPhraseAsync(phrase, Ct);
        await store.AddPhraseAsync(phrase with { SourceText = "retried" }, Ct);

        var stored = Assert.Single(await store.GetPhrasesAsync("s-1", Ct));
        Assert.Equal(1, stored.Seq);
    }

    [Fact]
    public async Task GetPhrasesAsync_OutOfOrderInserts_ReturnsSeqOrderForThatSessionOnly()
    {
        var store = await CreateAsync();
        foreach (var seq in new long[] { 3, 1, 10, 2 })
        {
            await store.AddPhraseAsync(Phrase("s-1", seq), Ct);
        }

        await store.AddPhraseAsync(Phrase("s-2", 5), Ct);

        Assert.Equal([1L, 2, 3, 10], (await store.GetPhrasesAsync("s-1", Ct)).Select(p => p.Seq));
        Assert.Equal([5L], (await store.GetPhrasesAsync("s-2", Ct)).Select(p => p.Seq));
    }

    [Fact]
    public async Task GetPhrasesAsync_UnknownSession_ReturnsEmpty()
    {
        var store = await CreateAsync();
        await store.AddPhraseAsync(Phrase("s-1", 1), Ct);

        Assert.Empty(await store.GetPhrasesAsync("nope", Ct));
    }

    [Fact]
    public async Task AddPhraseAsync_UnicodeText_RoundTrips()
    {
        var store = await CreateAsync();
        var phrase = Phrase("s-1", 1, UnicodeText, """{"note":"ñ 你好 👋"}""");

        await store.AddPhraseAsync(phrase, Ct);

        Assert.Equal([phrase], await store.GetPhrasesAsync("s-1", Ct));
    }

    [Fact]
    public async Task AddTranslationAsync_SameKeyTwice_StoresOneButOtherLanguagesSeparately()
    {
        var store = await CreateAsync();
        var es = Translation("s-1", 1, "es");
        var fr = Translation("s-1", 1, "fr");

        await store.AddTranslationAsync(es, Ct);
        await store.AddTranslationAsync(es, Ct);
        await store.AddTranslationAsync(es with { Text = "retried" }, Ct);
        await store.AddTranslationAsync(fr, Ct);

        Assert.Single(await store.GetTranslationsAsync("s-1", "es", 0, 10, Ct));
        Assert.Equal([fr], await store.GetTranslationsAsync("s-1", "fr", 0, 10, Ct));
    }

    [Fact]
    public async Task GetTranslationsAsync_AfterSeqAndLimit_ReturnsNextPageInSeqOrder()
    {
        var store = await CreateAsync();
        foreach (var seq in new long[] { 5, 1, 4, 2, 3, 6 })
        {
            await store.AddTranslationAsync(Translation("s-1", seq, "es"), Ct);
            await store.AddTranslationAsync(Translation("s-1", seq, "fr"), Ct);
        }

        await store.AddTranslationAsync(Translation("s-2", 9, "es"), Ct);

        var page = await store.GetTranslationsAsync("s-1", "es", afterSeq: 2, limit: 3, Ct);

        Assert.Equal([Translation("s-1", 3, "es"), Translation("s-1", 4, "es"), Translation("s-1", 5, "es")], page);
        Assert.Equal([1L, 2, 3, 4, 5, 6], (await store.GetTranslationsAsync("s-1", "es", 0, 100, Ct)).Select(t => t.Seq));
        Assert.Empty(await store.GetTranslationsAsync("s-1", "es", afterSeq: 6, limit: 10, Ct));
    }

    [Fact]
    public async Task GetTranslationsAsync_ZeroLimit_ReturnsEmpty()
    {
        var store = await CreateAsync();
        await store.AddTranslationAsync(Translation("s-1", 1, "es"), Ct);

        Assert.Empty(await store.GetTranslationsAsync("s-1", "es", 0, 0, Ct));
    }

    [Fact]
    public async Task GetTranslationsAsync_UnknownSessionOrLanguage_ReturnsEmpty()
    {
        var store = await CreateAsync();
        await store.AddTranslationAsync(Translation("s-1", 1, "es"), Ct);

        Assert.Empty(await store.GetTranslationsAsync("nope", "es", 0, 10, Ct));
        Assert.Empty(await store.GetTranslationsAsync("s-1", "de", 0, 10, Ct));
    }

    [Fact]
    public async Task GetLatestTranslationsAsync_MoreThanCount_ReturnsLastInSeqOrder()
    {
        var store = await CreateAsync();
        foreach (var seq in new long[] { 4, 1, 5, 3, 2 })
        {
            await store.AddTranslationAsync(Translation("s-1", seq, "es"), Ct);
        }

        await store.AddTranslationAsync(Translation("s-1", 9, "fr"), Ct);

        var latest = await store.GetLatestTranslationsAsync("s-1", "es", 3, Ct);

        Assert.Equal([Translation("s-1", 3, "es"), Translation("s-1", 4, "es"), Translation("s-1", 5, "es")], latest);
    }

    [Fact]
    public async Task GetLatestTranslationsAsync_FewerThanCountOrZero_ReturnsAllOrNone()
    {
        var store = await CreateAsync();
        await store.AddTranslationAsync(Translation("s-1", 2, "es"), Ct);
        await store.AddTranslationAsync(Translation("s-1", 1, "es"), Ct);

        Assert.Equal([1L, 2], (await store.GetLatestTranslationsAsync("s-1", "es", 10, Ct)).Select(t => t.Seq));
        Assert.Empty(await store.GetLatestTranslationsAsync("s-1", "es", 0, Ct));
        Assert.Empty(await store.GetLatestTranslationsAsync("nope", "es", 10, Ct));
    }

    [Fact]
    public async Task AddTranslationAsync_UnicodeText_RoundTrips()
    {
        var store = await CreateAsync();
        var translation = Translation("s-1", 1, "zh", UnicodeText) with { SourceText = "Hello, world 👋" };

        await store.AddTranslationAsync(translation, Ct);

        Assert.Equal([translation], await store.GetLatestTranslationsAsync("s-1", "zh", 5, Ct));
    }

    [Fact]
    public async Task GetLastSeqAsync_NoPhrases_ReturnsZero()
    {
        var store = await CreateAsync();
        await store.AddTranslationAsync(Translation("s-1", 4, "es"), Ct);

        Assert.Equal(0, await store.GetLastSeqAsync("s-1", Ct));
        Assert.Equal(0, await store.GetLastSeqAsync("nope", Ct));
    }

    [Fact]
    public async Task GetLastSeqAsync_OutOfOrderPhrases_ReturnsHighestOfThatSession()
    {
        var store = await CreateAsync();
        foreach (var seq in new long[] { 2, 7, 3 })
        {
            await store.AddPhraseAsync(Phrase("s-1", seq), Ct);
        }

        await store.AddPhraseAsync(Phrase("s-2", 42), Ct);

        Assert.Equal(7, await store.GetLastSeqAsync("s-1", Ct));
        Assert.Equal(42, await store.GetLastSeqAsync("s-2", Ct));
    }

    [Fact]
    public async Task RaiseFenceAsync_LaterOwner_RefusesAnEarlierOwnersLateWritesOnlyInThatSession()
    {
        var store = await CreateAsync();
        await store.RaiseFenceAsync("s-1", 2, Ct);
        await store.AddPhraseAsync(Phrase("s-1", 1) with { Generation = 2 }, Ct);
        await store.AddTranslationAsync(Translation("s-1", 1, "es") with { Generation = 2 }, Ct);

        await store.RaiseFenceAsync("s-1", 3, Ct);
        await store.AddPhraseAsync(Phrase("s-1", 2, "late") with { Generation = 2 }, Ct);
        await store.AddTranslationAsync(Translation("s-1", 1, "fr", "late") with { Generation = 2 }, Ct);
        await store.AddPhraseAsync(Phrase("s-1", 3, "owner") with { Generation = 3 }, Ct);
        await store.AddPhraseAsync(Phrase("s-1", 4, "ahead") with { Generation = 4 }, Ct);
        await store.AddTranslationAsync(Translation("s-1", 1, "pt", "catch-up") with { Generation = 0 }, Ct);
        await store.AddPhraseAsync(Phrase("s-2", 1, "other session") with { Generation = 1 }, Ct);

        Assert.Equal([1L, 3L, 4L], (await store.GetPhrasesAsync("s-1", Ct)).Select(p => p.Seq));
        Assert.Empty(await store.GetTranslationsAsync("s-1", "fr", 0, 10, Ct));
        Assert.Single(await store.GetTranslationsAsync("s-1", "es", 0, 10, Ct));
        Assert.Single(await store.GetTranslationsAsync("s-1", "pt", 0, 10, Ct));
        Assert.Single(await store.GetPhrasesAsync("s-2", Ct));
    }

    [Fact]
    public async Task RaiseFenceAsync_LowerGenerationOrUnknownSession_NeverLowersTheFenceNorFails()
    {
        var store = await CreateAsync();
        await store.RaiseFenceAsync("s-1", 5, Ct);
        await store.RaiseFenceAsync("s-1", 2, Ct);
        await store.RaiseFenceAsync("no-such-session", 9, Ct);

        await store.AddPhraseAsync(Phrase("s-1", 1) with { Generation = 4 }, Ct);
        await store.AddPhraseAsync(Phrase("s-1", 2) with { Generation = 5 }, Ct);

        Assert.Equal([2L], (await store.GetPhrasesAsync("s-1", Ct)).Select(p => p.Seq));
    }

    [Fact]
    public async Task AddPhraseAndTranslation_TypedOrigin_RoundTripsWhileSpeechStaysSpeech()
    {
        var store = await CreateAsync();
        await store.AddPhraseAsync(Phrase("s-1", 1), Ct);
        await store.AddPhraseAsync(Phrase("s-1", 2, "Please turn to page twelve.") with { Origin = PhraseOrigin.Typed }, Ct);
        await store.AddTranslationAsync(Translation("s-1", 1, "es"), Ct);
        await store.AddTranslationAsync(Translation("s-1", 2, "es") with { Origin = PhraseOrigin.Typed }, Ct);

        Assert.Equal([PhraseOrigin.Speech, PhraseOrigin.Typed], (await store.GetPhrasesAsync("s-1", Ct)).Select(p => p.Origin));
        Assert.Equal([PhraseOrigin.Speech, PhraseOrigin.Typed], (await store.GetTranslationsAsync("s-1", "es", 0, 10, Ct)).Select(t => t.Origin));
        Assert.Equal([PhraseOrigin.Speech, PhraseOrigin.Typed], (await store.GetLatestTranslationsAsync("s-1", "es", 5, Ct)).Select(t => t.Origin));
    }

    private async Task<ITranscriptStore> CreateAsync()
    {
        var (transcripts, sessions) = await CreateStoresAsync();
        Assert.True(await sessions.TryCreateAsync(Session("s-1"), Ct));
        Assert.True(await sessions.TryCreateAsync(Session("s-2"), Ct));
        return transcripts;
    }
}
