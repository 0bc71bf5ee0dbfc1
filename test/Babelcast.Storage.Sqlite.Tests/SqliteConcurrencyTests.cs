using Babelcast.Testing.Contracts;

namespace Babelcast.Storage.Sqlite.Tests;

/// <summary>Many writers at once must queue on the write lock, never fail with SQLITE_BUSY.</summary>
public sealed class SqliteConcurrencyTests : IDisposable
{
    private readonly TempDatabase _file = new();

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task AddPhraseAsync_200ParallelWriters_AllStored()
    {
        var database = _file.Open();
        await new SqliteSessionStore(database).TryCreateAsync(StoreSamples.Session("s-1"), Ct);
        var store = new SqliteTranscriptStore(database);

        await Task.WhenAll(Enumerable.Range(1, 200).Select(seq =>
            Task.Run(async () => await store.AddPhraseAsync(StoreSamples.Phrase("s-1", seq), Ct))));

        Assert.Equal(200, (await store.GetPhrasesAsync("s-1", Ct)).Count);
        Assert.Equal(200, await store.GetLastSeqAsync("s-1", Ct));
    }

    [Fact]
    public async Task MixedWrites_TwoDatabaseInstancesInParallel_AllStored()
    {
        // Two SqliteDatabase objects stand for two processes sharing one file.
        var first = _file.Open();
        var second = _file.Open();
        await new SqliteSessionStore(first).TryCreateAsync(StoreSamples.Session("s-1"), Ct);
        var languages = new[] { "es", "fr", "ca", "eo" };

        var work = Enumerable.Range(1, 50).SelectMany(seq => languages.Select((language, i) => Task.Run(async () =>
        {
            var database = i % 2 == 0 ? first : second;
            await new SqliteTranscriptStore(database).AddTranslationAsync(StoreSamples.Translation("s-1", seq, language), Ct);
            await new SqliteSessionStore(database).TouchAsync("s-1", StoreSamples.T0.AddSeconds(seq), Ct);
            await new SqliteTranscriptStore(database).GetLatestTranslationsAsync("s-1", language, 5, Ct);
        })));
        await Task.WhenAll(work);

        var transcripts = new SqliteTranscriptStore(first);
        foreach (var language in languages)
        {
            Assert.Equal(50, (await transcripts.GetTranslationsAsync("s-1", language, 0, 1000, Ct)).Count);
        }

        Assert.Equal(StoreSamples.T0.AddSeconds(50), (await new SqliteSessionStore(second).GetAsync("s-1", Ct))?.LastActivityAt);
    }

    public void Dispose() => _file.Dispose();
}
