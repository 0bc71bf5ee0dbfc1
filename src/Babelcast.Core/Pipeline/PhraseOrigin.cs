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
    /// <summary>The wire name (<c>origin</c> field); null for speech, which carries no field.</summary>
    public static string? WireName(this PhraseOrigin origin) => origin switch
    {
        PhraseOrigin.Typed => "typed",
        _ => null,
    };
}
