namespace Babelcast.Core.Pipeline;

/// <summary>Which named engine serves each stage (section "Babelcast:Engines").</summary>
public sealed class EngineOptions
{
    public const string Section = "Babelcast:Engines";

    public string Recognition { get; set; } = "pocketsphinx";

    public string Translation { get; set; } = "apertium";

    public string Synthesis { get; set; } = "espeak";

    public string Encoding { get; set; } = "lame";

    /// <summary>The better engines premium sessions use (section "Babelcast:Engines:Premium"); none by default.</summary>
    public PremiumEngineOptions Premium { get; set; } = new();
}
