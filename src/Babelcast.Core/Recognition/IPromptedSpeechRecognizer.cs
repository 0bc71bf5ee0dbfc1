namespace Babelcast.Core.Recognition;

/// <summary>
/// A recogniser that takes a text prompt biasing what it hears (Whisper's initial prompt): the session's glossary of
/// names and terms, so that they come out spelt as the glossary spells them. Engines without one do not implement it.
/// </summary>
public interface IPromptedSpeechRecognizer
{
    /// <summary>The prompt of the phrases that start after this call; null or empty removes it.</summary>
    void SetPrompt(string? prompt);
}
