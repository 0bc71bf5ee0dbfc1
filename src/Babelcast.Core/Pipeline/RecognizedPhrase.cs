using Babelcast.Core.Synthesis;

namespace Babelcast.Core.Pipeline;

/// <summary>A final source phrase (recognised, or typed by the operator) on its way to translation, synthesis and the listeners.</summary>
public sealed record RecognizedPhrase(
    string SessionId, string SourceLanguage, long Seq, string Text, long StartMs, long EndMs, Prosody Prosody, PhraseClock Clock, PhraseOrigin Origin = PhraseOrigin.Speech)
{
    /// <summary>The session's previous source phrases, oldest first, for translators that read context.</summary>
    public IReadOnlyList<string> Context { get; init; } = [];

    /// <summary>Texts ready for some languages (a Bible passage, prepared text), used instead of translating.</summary>
    public PreparedTexts? Ready { get; init; }
}
