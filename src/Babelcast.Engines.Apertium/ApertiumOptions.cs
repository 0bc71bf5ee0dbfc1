namespace Babelcast.Engines.Apertium;

/// <summary>Settings of the Apertium translator, bound from <c>Babelcast:Translation:Apertium</c>.</summary>
public sealed class ApertiumOptions
{
    public const string SectionName = "Babelcast:Translation:Apertium";

    /// <summary>Where the installed <c>*.mode</c> files live.</summary>
    public string ModesDirectory { get; set; } = "/usr/share/apertium/modes";

    /// <summary>Pivot languages tried in order when no direct pair exists; empty means ca, then es
    /// (Catalan first: the eng-cat pair and the cat-* pairs read better than the Spanish chain).</summary>
    public List<string> PivotLanguages { get; } = [];

    /// <summary>Mode names never used, on top of the built-in list (eng-hbs: its output is full of marks).</summary>
    public List<string> ExcludedModes { get; } = [];

    /// <summary>Extra modes, usually variants skipped by discovery: mode name to "source|target",
    /// e.g. "es-pt_BR" = "es|pt-BR". A configured mode replaces a discovered one for the same pair.</summary>
    public Dictionary<string, string> AdditionalModes { get; } = new(StringComparer.Ordinal);

    /// <summary>Bound on one translation call with warm pipelines, including waiting for the pipeline,
    /// both legs of a pivot and the one retry after a crash.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Added to a call's bound for each pipeline that has to start (or restart) for it: loading a
    /// pair takes 56-666 ms on an idle machine and several seconds on a busy one.</summary>
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>A pipeline unused for this long is stopped (they hold 55-777 MiB each).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How many recent translations are remembered.</summary>
    public int CacheSize { get; set; } = 1000;

    /// <summary>Target languages whose pipelines start with the host rather than on first use.</summary>
    public List<string> Prewarm { get; } = [];

    /// <summary>Source language of the <see cref="Prewarm"/> routes.</summary>
    public string PrewarmSourceLanguage { get; set; } = "en";

    /// <summary>Diagnostics and tests only: a bash command run instead of each mode's pipeline
    /// (the mode file path is in $APERTIUM_MODE_FILE).</summary>
    public string? PipelineCommand { get; set; }
}
