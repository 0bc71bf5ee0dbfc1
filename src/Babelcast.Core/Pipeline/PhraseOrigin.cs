using Babelcast.Core.Protocol;

namespace Babelcast.Core.Pipeline;

/// <summary>Where a phrase's source text came from; listeners and the speaker see it on non-speech phrases.</summary>
public enum PhraseOrigin
{
    Speech,

    /// <summary>Typed by the operator on the speaker page.</summary>
    Typed,

    /// <summary>A Bible passage the operator confirmed: each language's installed Bible where there is one.</summary>
    Scripture,

    /// <summary>A line of the operator's prepared text, translated ahead of time.</summary>
    Prepared,
}

public static class PhraseOrigins
{
    private const string PreparedName = "prepared";

    /// <summary>The name kept in the store's <c>origin</c> column.</summary>
    public static string StoredName(this PhraseOrigin origin) => origin.WireName() ?? "speech";

    /// <summary>A stored name back; anything unknown (a newer server's origin) reads as speech, which carries no mark.</summary>
    public static PhraseOrigin FromStoredName(string? name) => name switch
    {
        MessageTypes.Typed => PhraseOrigin.Typed,
        MessageTypes.Scripture => PhraseOrigin.Scripture,
        PreparedName => PhraseOrigin.Prepared,
        _ => PhraseOrigin.Speech,
    };

    /// <summary>
    /// The wire name (<c>origin</c> field: for typed lines and Scripture the name of the message that made the phrase);
    /// null for speech, which carries no field.
    /// </summary>
    public static string? WireName(this PhraseOrigin origin) => origin switch
    {
        PhraseOrigin.Typed => MessageTypes.Typed,
        PhraseOrigin.Scripture => MessageTypes.Scripture,
        PhraseOrigin.Prepared => PreparedName,
        _ => null,
    };
}
