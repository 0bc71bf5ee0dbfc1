namespace Babelcast.Core.Translation;

public static class Translators
{
    /// <summary>Translates with context where the engine takes it, without it otherwise.</summary>
    public static ValueTask<TranslationResult> TranslateAsync(this ITranslator translator, TranslationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(translator);
        ArgumentNullException.ThrowIfNull(request);
        return translator is IContextualTranslator contextual
            ? contextual.TranslateAsync(request, cancellationToken)
            : translator.TranslateAsync(request.Text, request.SourceLanguage, request.TargetLanguage, cancellationToken);
    }
}
