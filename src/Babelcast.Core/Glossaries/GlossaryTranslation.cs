using Babelcast.Core.Translation;

namespace Babelcast.Core.Glossaries;

/// <summary>
/// Carries glossary terms through any translator: each term goes in as a placeholder the engine passes through, and
/// its fixed rendering for the target language replaces the placeholder wherever the engine put it.
/// </summary>
public static class GlossaryTranslation
{
    public static async ValueTask<TranslationResult> TranslateAsync(
        ITranslator translator, SessionGlossary glossary, TranslationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(glossary);
        ArgumentNullException.ThrowIfNull(request);
        var protectedText = glossary.Protect(request.Text);
        var result = await translator.TranslateAsync(request with { Text = protectedText.Text }, cancellationToken);
        return result.Success && protectedText.Slots.Count > 0
            ? TranslationResult.Ok(SessionGlossary.Restore(protectedText, result.Text, request.TargetLanguage))
            : result;
    }
}
