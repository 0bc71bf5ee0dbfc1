using System.ComponentModel.DataAnnotations;

namespace Babelcast.Core.Glossaries;

/// <summary>Limits of speakers' glossaries, section "Babelcast:Glossary".</summary>
public sealed class GlossaryOptions
{
    public const string Section = "Babelcast:Glossary";

    /// <summary>Glossaries one speaker account may keep (GLOSSARY_LIMIT_REACHED past it).</summary>
    [Range(1, 1000)]
    public int MaxGlossariesPerOwner { get; set; } = 50;

    /// <summary>Entries in one glossary (GLOSSARY_TOO_LARGE past it).</summary>
    [Range(1, 5000)]
    public int MaxEntries { get; set; } = 500;

    /// <summary>Characters of a term or its "sounds like" spelling (GLOSSARY_TERM_TOO_LONG past it).</summary>
    [Range(1, 200)]
    public int MaxTermLength { get; set; } = 60;

    /// <summary>Words of a term or its "sounds like" spelling (GLOSSARY_TERM_TOO_LONG past it).</summary>
    [Range(1, 20)]
    public int MaxTermWords { get; set; } = 6;

    /// <summary>Characters of one rendering (GLOSSARY_TERM_TOO_LONG past it).</summary>
    [Range(1, 1000)]
    public int MaxRenderingLength { get; set; } = 200;

    /// <summary>Glossaries one session may use at once (GLOSSARY_TOO_LARGE past it).</summary>
    [Range(1, 100)]
    public int MaxGlossariesPerSession { get; set; } = 5;

    /// <summary>
    /// How long a node trusts the glossary it read for a session. A change made through this node applies from the next
    /// phrase at once; one made through another node of a cluster within this time.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(5);
}
