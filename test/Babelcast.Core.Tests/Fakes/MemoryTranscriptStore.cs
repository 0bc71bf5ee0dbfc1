using System.Collections.Concurrent;
using Babelcast.Core.Storage;

namespace Babelcast.Core.Tests.Fakes;

/// <summary>Keeps phrases in memory; storing the phrases whose seq <paramref name="failOn"/> names throws.</summary>
internal sealed class MemoryTranscriptStore(params long[] failOn) : ITranscriptStore
{
    private readonly ConcurrentDictionary<long, PhraseRecord> _phrases = new();

    public ValueTask AddPhraseAsync(PhraseRecord phrase, CancellationToken cancellationToken)
    {
        if (failOn.Contains(phrase.Seq))
        {
            throw new InvalidOperationException($"scripted storage failure on phrase {phrase.Seq}");
        }

        _phrases[phrase.Seq] = phrase;
        return ValueTask.CompletedTask;
    }

    public ValueTask UpdatePhraseTimingsAsync(string sessionId, long seq, string timingsJson, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask AddTranslationAsync(TranslationRecord translation, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask<IReadOnlyList<PhraseRecord>> GetPhrasesAsync(string sessionId, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<PhraseRecord>>([.. _phrases.Values.OrderBy(p => p.Seq)]);

    public ValueTask<IReadOnlyList<TranslationRecord>> GetTranslationsAsync(string sessionId, string language, long afterSeq, int limit, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<TranslationRecord>>([]);

    public ValueTask<IReadOnlyList<TranslationRecord>> GetLatestTranslationsAsync(string sessionId, string language, int count, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<TranslationRecord>>([]);

    public ValueTask<long> GetLastSeqAsync(string sessionId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_phrases.Keys.DefaultIfEmpty(0).Max());
}
