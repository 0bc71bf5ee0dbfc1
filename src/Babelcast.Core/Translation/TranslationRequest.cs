namespace Babelcast.Core.Translation;

/// <summary>
/// One phrase to translate, with the session's previous source phrases (oldest first) for engines that can use them
/// (a language model keeps pronouns and terms consistent across phrases); engines without context ignore it.
/// </summary>
public sealed record TranslationRequest(string Text, string SourceLanguage, string TargetLanguage, IReadOnlyList<string> Context)
{
    public TranslationRequest(string text, string sourceLanguage, string targetLanguage)
        : this(text, sourceLanguage, targetLanguage, [])
    {
    }
}
