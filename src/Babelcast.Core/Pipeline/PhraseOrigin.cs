using Babelcast.Core.Protocol;

namespace Babelcast.Core.Pipeline;

/// <summary>Where a phrase's source text came from; listeners and the speaker see it on non-speech phrases.</summary>
public enum PhraseOrigin
{
    Speech,

    /// <summary>Typed by the operator on the speaker page.</summary>
    Typed,
}

public static class PhraseOrigins
{
    /// <summary>The name kept in the store's <c>origin</c> column.</summary>
    public static string StoredName(this PhraseOrigin origin) => origin == PhraseOrigin.Typed ? MessageTypes.Typed : "speech";

    /// <summary>A stored name back; anything unknown (a newer server's origin) reads as speech, which carries no mark.</summary>
    public static PhraseOrigin FromStoredName(string? name) => name == MessageTypes.Typed ? PhraseOrigin.Typed : PhraseOrigin.Speech;

    /// <summary>The wire name (<c>origin</c> field: the name of the message that made the phrase); null for speech, which carries no field.</summary>
    public static string? WireName(this PhraseOrigin origin) => origin switch
    {
        PhraseOrigin.Typed => MessageTypes.Typed,
        _ => null,
    };
}
