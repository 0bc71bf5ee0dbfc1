using Babelcast.Core.Translation;

namespace Babelcast.Server.Tests.Health;

/// <summary>Offers English to Spanish and throws on every translation, as a dead engine would.</summary>
internal sealed class FailingTranslator : ITranslator
{
    public const string EngineName = "failing";

    public string Name => EngineName;

    public IReadOnlyCollection<string> GetTargets(string sourceLanguage) => ["es"];

    public ValueTask<TranslationResult> TranslateAsync(string text, string sourceLanguage, string targetLanguage, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("translator process is gone");
}
