using Babelcast.Core.Translation;

namespace Babelcast.Engines.HttpTranslation.Tests;

/// <summary>The fallback's place in the chain (Apertium on the server), answering at once and recognisably.</summary>
internal sealed class StandInTranslator : ITranslator
{
    public string Name => "standin";

    public int Calls;

    public IReadOnlyCollection<string> GetTargets(string sourceLanguage) => ["ca", "de", "es", "fr"];

    public ValueTask<TranslationResult> TranslateAsync(string text, string sourceLanguage, string targetLanguage, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Calls);
        return ValueTask.FromResult(TranslationResult.Ok("STANDIN " + text));
    }
}
