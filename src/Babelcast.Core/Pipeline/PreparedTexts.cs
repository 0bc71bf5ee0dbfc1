namespace Babelcast.Core.Pipeline;

/// <summary>
/// Texts a phrase brings ready for some languages (an installed Bible's verses, prepared text translated ahead of
/// time), used instead of translating; the other languages are translated as usual, and marked machine-translated on
/// their captions when <see cref="OthersMachineTranslated"/> (Scripture, where listeners expect a Bible's words).
/// </summary>
public sealed record PreparedTexts(IReadOnlyDictionary<string, string> Texts, bool OthersMachineTranslated, string? Reference)
{
    /// <summary>The lines of prepared text the phrase carries (zero-based), for a cue sent or followed; null otherwise.</summary>
    public IReadOnlyList<int>? Cues { get; init; }

    /// <summary>The ready text for <paramref name="language"/>: the exact tag, else its primary subtag ("pt-BR" -> "pt").</summary>
    public string? For(string language)
    {
        if (Texts.TryGetValue(language, out var text))
        {
            return text;
        }

        var dash = language.IndexOfAny(['-', '_']);
        return dash > 0 && Texts.TryGetValue(language[..dash], out text) ? text : null;
    }
}
