using System.Collections.Concurrent;
using Babelcast.Core.Storage;

namespace Babelcast.Core.Tests.Fakes;

/// <summary>
/// Keeps phrases and translations in memory; storing the phrases whose seq <paramref name="failOn"/> names throws, and
/// every write throws while <see cref="Refusing"/> is set (a read-only database).
/// </summary>
internal sealed class MemoryTranscriptStore(params long[] failOn) : ITranscriptStore
{
    private long _fence;

    private readonly ConcurrentDictionary<long, PhraseRecord> _phrases = new();
    private readonly ConcurrentDictionary<(long Seq, string Language), TranslationRecord> _translations = new();

    private volatile bool _refusing;

    public bool Refusing
    {
        get => _refusing;
        set => _refusing = value;
    }

    public IReadOnlyList<(long Seq, string Language)> Translations => [.. _translations.Keys.Order()];

    public ValueTask AddPhraseAsync(PhraseRecord phrase, CancellationToken cancellationToken)
    {
        if (failOn.Contains(phrase.Seq) || Refusing)
        {
            throw new InvalidOperationException($"scripted storage failure on phrase {phrase.Seq}");
        }

        if (phrase.Generation == 0 || phrase.Generation >= _fence)
        {
            _phrases.TryAdd(phrase.Seq, phrase);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask UpdatePhraseTimingsAsync(string sessionId, long seq, string timingsJson, CancellationToken cancellationToken) =>
        Refusing ? throw new InvalidOperationException("scripted storage failure") : ValueTask.CompletedTask;

    public ValueTask AddTranslationAsync(TranslationRecord translation, CancellationToken cancellationToken)
    {
        // As the real store's foreign key: a translation needs its phrase.
        if (Refusing || !_phrases.ContainsKey(translation.Seq))
        {
            throw new InvalidOperationException($"scripted storage failure on the translation of {translation.Seq}");
        }

        if (translation.Generation == 0 || translation.Generation >= _fence)
        {
            _translations.TryAdd((translation.Seq, translation.Language), translation);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<PhraseRecord>> GetPhrasesAsync(string sessionId, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<PhraseRecord>>([.. _phrases.Values.OrderBy(p => p.Seq)]);

    public ValueTask<IReadOnlyList<TranslationRecord>> GetTranslationsAsync(string sessionId, string language, long afterSeq, int limit, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<TranslationRecord>>([]);

    public ValueTask<IReadOnlyList<TranslationRecord>> GetLatestTranslationsAsync(string sessionId, string language, int count, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<TranslationRecord>>([]);

    public ValueTask RaiseFenceAsync(string sessionId, long generation, CancellationToken cancellationToken)
    {
        _fence = Math.Max(_fence, generation);
        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<string>> GetTranslationLanguagesAsync(string sessionId, long seq, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<string>>([.. _translations.Keys.Where(k => k.Seq == seq).Select(k => k.Language)]);

    public ValueTask<PhraseRecord?> CorrectPhraseAsync(
        string sessionId, long seq, string sourceText, IReadOnlyDictionary<string, string> translations, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!_phrases.TryGetValue(seq, out var phrase))
        {
            return ValueTask.FromResult<PhraseRecord?>(null);
        }

        _phrases[seq] = phrase with { SourceText = sourceText };
        foreach (var (language, text) in translations)
        {
            _translations[(seq, language)] = new TranslationRecord(sessionId, seq, language, text, sourceText, phrase.StartMs, phrase.EndMs, 0, now, Origin: phrase.Origin);
        }

        return ValueTask.FromResult<PhraseRecord?>(_phrases[seq]);
    }

    public ValueTask<long> GetLastSeqAsync(string sessionId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_phrases.Keys.DefaultIfEmpty(0).Max());
}
