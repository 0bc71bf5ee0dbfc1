using System.Collections.Concurrent;
using Babelcast.Core.Translation;

namespace Babelcast.Server.Tests.Hardening;

/// <summary>Offers English to Spanish and records every text it is asked to translate, slowly enough for resumes to overlap.</summary>
internal sealed class CountingTranslator : ITranslator
{
    public const string EngineName = "counting";

    public ConcurrentQueue<string> Texts { get; } = new();

    public string Name => EngineName;

    public IReadOnlyCollection<string> GetTargets(string sourceLanguage) => ["es"];

    public async ValueTask<TranslationResult> TranslateAsync(string text, string sourceLanguage, string targetLanguage, CancellationToken cancellationToken)
    {
        Texts.Enqueue(text);
        await Task.Delay(50, cancellationToken);
        return TranslationResult.Ok("es: " + text);
    }
}
