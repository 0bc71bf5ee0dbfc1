using Babelcast.Core.Translation;

namespace Babelcast.Core.Tests.Fakes;

/// <summary>Echoes the text tagged with the target language ("es: text"); throws where <paramref name="fails"/> says so.</summary>
internal sealed class ScriptedTranslator(Func<string, string, bool>? fails = null) : ITranslator
{
    public string Name => "scripted";

    public IReadOnlyCollection<string> GetTargets(string sourceLanguage) => ["es", "fr"];

    public ValueTask<TranslationResult> TranslateAsync(string text, string sourceLanguage, string targetLanguage, CancellationToken cancellationToken) =>
        fails?.Invoke(text, targetLanguage) == true
            ? throw new InvalidOperationException($"scripted translation failure: {text} -> {targetLanguage}")
            : ValueTask.FromResult(TranslationResult.Ok($"{targetLanguage}: {text}"));
}
