using Babelcast.Core.Translation;

namespace Babelcast.Core.Tests.Fakes;

/// <summary>Reaches the given targets from each source; "translates" by tagging the text.</summary>
internal sealed class FakeTranslator(string name, Dictionary<string, string[]> targets) : ITranslator
{
    public string Name => name;

    public IReadOnlyCollection<string> GetTargets(string sourceLanguage) =>
        targets.TryGetValue(sourceLanguage, out var t) ? t : [];

    public ValueTask<TranslationResult> TranslateAsync(string text, string sourceLanguage, string targetLanguage, CancellationToken cancellationToken) =>
        ValueTask.FromResult(TranslationResult.Ok($"[{targetLanguage}] {text}"));
}
