namespace Babelcast.Core.Translation;

/// <summary>A translation engine, chosen by <see cref="Name"/> in configuration. Thread-safe.</summary>
public interface ITranslator
{
    string Name { get; }

    /// <summary>Target language codes reachable from <paramref name="sourceLanguage"/> (directly or through a pivot).</summary>
    IReadOnlyCollection<string> GetTargets(string sourceLanguage);

    /// <summary>Translates one phrase. Expected failures (timeout, dead engine after a retry) come back as a failed result.</summary>
    ValueTask<TranslationResult> TranslateAsync(string text, string sourceLanguage, string targetLanguage, CancellationToken cancellationToken);
}
