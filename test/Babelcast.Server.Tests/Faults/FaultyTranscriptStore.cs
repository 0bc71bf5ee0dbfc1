using Babelcast.Core.Storage;

namespace Babelcast.Server.Tests.Faults;

/// <summary>The real transcript store, whose writes fail while the <see cref="StorageFault"/> is on.</summary>
internal sealed class FaultyTranscriptStore(ITranscriptStore inner, StorageFault fault) : ITranscriptStore
{
    public ValueTask AddPhraseAsync(PhraseRecord phrase, CancellationToken cancellationToken)
    {
        fault.ThrowIfFailing();
        return inner.AddPhraseAsync(phrase, cancellationToken);
    }

    public ValueTask UpdatePhraseTimingsAsync(string sessionId, long seq, string timingsJson, CancellationToken cancellationToken)
    {
        fault.ThrowIfFailing();
        return inner.UpdatePhraseTimingsAsync(sessionId, seq, timingsJson, cancellationToken);
    }

    public ValueTask AddTranslationAsync(TranslationRecord translation, CancellationToken cancellationToken)
    {
        fault.ThrowIfFailing();
        return inner.AddTranslationAsync(translation, cancellationToken);
    }

    public ValueTask<IReadOnlyList<PhraseRecord>> GetPhrasesAsync(string sessionId, CancellationToken cancellationToken) =>
        inner.GetPhrasesAsync(sessionId, cancellationToken);

    public ValueTask<IReadOnlyList<TranslationRecord>> GetTranslationsAsync(string sessionId, string language, long afterSeq, int limit, CancellationToken cancellationToken) =>
        inner.GetTranslationsAsync(sessionId, language, afterSeq, limit, cancellationToken);

    public ValueTask<IReadOnlyList<TranslationRecord>> GetLatestTranslationsAsync(string sessionId, string language, int count, CancellationToken cancellationToken) =>
        inner.GetLatestTranslationsAsync(sessionId, language, count, cancellationToken);

    public ValueTask RaiseFenceAsync(string sessionId, long generation, CancellationToken cancellationToken) =>
        inner.RaiseFenceAsync(sessionId, generation, cancellationToken);

    public ValueTask<long> GetLastSeqAsync(string sessionId, CancellationToken cancellationToken) => inner.GetLastSeqAsync(sessionId, cancellationToken);

    public ValueTask<IReadOnlyList<string>> GetTranslationLanguagesAsync(string sessionId, long seq, CancellationToken cancellationToken) =>
        inner.GetTranslationLanguagesAsync(sessionId, seq, cancellationToken);

    public ValueTask<PhraseRecord?> CorrectPhraseAsync(
        string sessionId, long seq, string sourceText, IReadOnlyDictionary<string, string> translations, DateTimeOffset now, CancellationToken cancellationToken)
    {
        fault.ThrowIfFailing();
        return inner.CorrectPhraseAsync(sessionId, seq, sourceText, translations, now, cancellationToken);
    }
}
