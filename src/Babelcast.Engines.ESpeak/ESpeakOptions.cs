namespace Babelcast.Engines.ESpeak;

/// <summary>Settings of the espeak-ng synthesiser, bound from <see cref="SectionName"/>.</summary>
public sealed class ESpeakOptions
{
    public const string SectionName = "Babelcast:Synthesis:ESpeak";

    /// <summary>Words per minute at <c>RateFactor = 1</c> (espeak accepts 80 to 450).</summary>
    public int BaseRate { get; set; } = 175;

    /// <summary>Keep espeak's pause after the last sentence; off keeps phrases tight when played back to back.</summary>
    public bool EndPause { get; set; }

    /// <summary>Directory that contains espeak-ng-data; null uses the library's built-in path.</summary>
    public string? DataPath { get; set; }

    /// <summary>The espeak-ng executable for the "espeak-cli" strategy.</summary>
    public string CliPath { get; set; } = "espeak-ng";

    /// <summary>Most espeak-ng processes the "espeak-cli" strategy runs at once; 0 = one per processor.</summary>
    public int CliMaxProcesses { get; set; }

    /// <summary>
    /// espeak voice per language code (ISO 639-1 or a BCP 47 tag such as pt-BR). Languages without an
    /// espeak voice borrow a close one (Galician speaks with the Portuguese voice). Configured entries add
    /// to or replace these defaults.
    /// </summary>
    public Dictionary<string, string> Voices { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "en-us", ["es"] = "es", ["ca"] = "ca", ["fr"] = "fr-fr", ["pt"] = "pt", ["pt-BR"] = "pt-br",
        ["it"] = "it", ["eo"] = "eo", ["ro"] = "ro", ["de"] = "de", ["nl"] = "nl",
        ["gl"] = "pt", ["oc"] = "ca", ["an"] = "es", ["ast"] = "es",
    };
}
