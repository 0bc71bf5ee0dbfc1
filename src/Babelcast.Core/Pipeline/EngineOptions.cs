namespace Babelcast.Core.Pipeline;

/// <summary>Which named engine serves each stage (section "Babelcast:Engines").</summary>
public sealed class EngineOptions
{
    public const string Section = "Babelcast:Engines";

    public string Recognition { get; set; } = "pocketsphinx";

    public string Translation { get; set; } = "apertium";

    public string Synthesis { get; set; } = "espeak";

    public string Encoding { get; set; } = "lame";
}
