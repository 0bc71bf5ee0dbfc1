namespace Babelcast.Core.Translation;

public readonly record struct TranslationResult(bool Success, string Text, string? Error)
{
    public static TranslationResult Ok(string text) => new(true, text, null);

    public static TranslationResult Failed(string error) => new(false, string.Empty, error);
}
