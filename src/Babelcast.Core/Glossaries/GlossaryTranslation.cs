using Babelcast.Core.Translation;

namespace Babelcast.Core.Glossaries;

/// <summary>
/// Carries glossary terms through any translator: each term goes in as a placeholder the engine passes through, and
/// its fixed rendering for the target language replaces the placeholder wherever the engine put it.
/// </summary>
public static class GlossaryTranslation
{
    public static async ValueTask<TranslationResult> TranslateAsync(
        ITranslator translator, SessionGlossary glossary, string text, string sourceLanguage, string targetLanguage, CancellationToken cancellationToken)
    {
        var protectedText = glossary.Protect(text);
        var result = await translator.TranslateAsync(protectedText.Text, sourceLanguage, targetLanguage, cancellationToken);
        return result.Success && protectedText.Slots.Count > 0
            ? TranslationResult.Ok(SessionGlossary.Restore(protectedText, result.Text, targetLanguage))
            : result;
    }
}
