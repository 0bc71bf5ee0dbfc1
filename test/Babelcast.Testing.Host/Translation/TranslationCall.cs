namespace Babelcast.Testing.Host.Translation;

/// <summary>
/// One request the test translation server received. <see cref="Target"/> is read from the request (LibreTranslate)
/// or from the system prompt's "into NAME (code)" (chat completions).
/// </summary>
public sealed record TranslationCall(
    string Api, string Text, string? Source, string? Target, string? SystemPrompt, string? Authorization, string? ApiKey, bool Stream, string Body);
