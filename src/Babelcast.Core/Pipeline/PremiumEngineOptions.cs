namespace Babelcast.Core.Pipeline;

/// <summary>
/// The engines of the premium tier ("Babelcast:Engines:Premium"). An empty name means the standard engine serves that
/// stage; with both empty the server has no premium tier and refuses premium sessions.
/// </summary>
public sealed class PremiumEngineOptions
{
    /// <summary>A translator name (e.g. "openai", "libretranslate"); the standard translator is its per-phrase fallback.</summary>
    public string Translation { get; set; } = string.Empty;

    /// <summary>A recogniser name (e.g. "whisper" where that engine is registered).</summary>
    public string Recognition { get; set; } = string.Empty;

    /// <summary>How long a phrase waits for the premium translator before the standard one translates it instead.</summary>
    public TimeSpan TranslationBudget { get; set; } = TimeSpan.FromSeconds(1.5);
}
