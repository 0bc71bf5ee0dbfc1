namespace Babelcast.Core.Scripture;

/// <summary>Settings of Scripture lookup, bound from <c>Babelcast:Scripture</c>.</summary>
public sealed class ScriptureOptions
{
    public const string Section = "Babelcast:Scripture";

    /// <summary>The Bible library by name: "sword" (diatheke and the installed SWORD modules) or "none".</summary>
    public string Library { get; set; } = "sword";

    /// <summary>
    /// The Bible (module id) to use per language, e.g. <c>Bibles:en = engKJV2006eb</c>. A language not listed here uses
    /// the built-in preference (the World English Bible for English, Reina-Valera 1909 for Spanish), then any installed
    /// Bible in that language.
    /// </summary>
    public Dictionary<string, string> Bibles { get; } = new(StringComparer.OrdinalIgnoreCase);
}
