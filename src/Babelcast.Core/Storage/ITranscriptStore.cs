namespace Babelcast.Core.Storage;

public interface ITranscriptStore
{
    /// <summary>
    /// Stores the source phrase; idempotent by (session, seq). Refused (nothing stored) when the phrase's generation is
    /// not 0 and below the session's fence.
    /// </summary>
    ValueTask AddPhraseAsync(PhraseRecord phrase, CancellationToken cancellationToken);

    /// <summary>Records the per-stage timings of a stored phrase once all its languages are done.</summary>
    ValueTask UpdatePhraseTimingsAsync(string sessionId, long seq, string timingsJson, CancellationToken cancellationToken);

    /// <summary>Stores one translation; idempotent by (session, seq, language); fenced as <see cref="AddPhraseAsync"/>.</summary>
    ValueTask AddTranslationAsync(TranslationRecord translation, CancellationToken cancellationToken);

    /// <summary>Source phrases in seq order.</summary>
    ValueTask<IReadOnlyList<PhraseRecord>> GetPhrasesAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>Translations into <paramref name="language"/> with seq greater than <paramref name="afterSeq"/>, in seq order, at most <paramref name="limit"/>.</summary>
    ValueTask<IReadOnlyList<TranslationRecord>> GetTranslationsAsync(string sessionId, string language, long afterSeq, int limit, CancellationToken cancellationToken);

    /// <summary>The last <paramref name="count"/> translations into <paramref name="language"/>, in seq order.</summary>
    ValueTask<IReadOnlyList<TranslationRecord>> GetLatestTranslationsAsync(string sessionId, string language, int count, CancellationToken cancellationToken);

    /// <summary>
    /// A new owner of the session (lease generation <paramref name="generation"/>) takes over: from now on, phrases and
    /// translations written under a lower, non-zero generation are refused. Never lowers the fence.
    /// </summary>
    ValueTask RaiseFenceAsync(string sessionId, long generation, CancellationToken cancellationToken);

    /// <summary>Languages the phrase has a stored translation in (any order; empty for an unknown phrase).</summary>
    ValueTask<IReadOnlyList<string>> GetTranslationLanguagesAsync(string sessionId, long seq, CancellationToken cancellationToken);

    /// <summary>
    /// An operator's correction, in place and at once (one transaction): the phrase's source text becomes
    /// <paramref name="sourceText"/>, and for each language of <paramref name="translations"/> its translation becomes that
    /// text (added if the phrase had none in that language). Timings, times, origin and audio stay. Returns the corrected
    /// phrase, or null (nothing changed) when the session has no phrase <paramref name="seq"/>.
    /// </summary>
    ValueTask<PhraseRecord?> CorrectPhraseAsync(
        string sessionId, long seq, string sourceText, IReadOnlyDictionary<string, string> translations, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The highest phrase seq stored for the session, or 0.</summary>
    ValueTask<long> GetLastSeqAsync(string sessionId, CancellationToken cancellationToken);
}
