namespace Babelcast.Core.Storage;

/// <summary>
/// One glossary term: the source <see cref="Term"/> as it should be written, an optional <see cref="SoundsLike"/>
/// spelling that tells the recogniser how it is pronounced, and fixed renderings per target language code.
/// A language without a rendering keeps the term as written.
/// </summary>
public sealed record GlossaryEntry(string Term, string? SoundsLike, IReadOnlyDictionary<string, string> Renderings)
{
    /// <summary>The rendering for <paramref name="language"/> (exact code, then its base language), or the term itself.</summary>
    public string RenderingFor(string language)
    {
        if (Renderings.TryGetValue(language, out var exact))
        {
            return exact;
        }

        var dash = language.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && Renderings.TryGetValue(language[..dash], out var general) ? general : Term;
    }
}
