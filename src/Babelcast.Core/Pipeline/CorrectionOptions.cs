using System.ComponentModel.DataAnnotations;

namespace Babelcast.Core.Pipeline;

/// <summary>Section "Babelcast:Corrections": what the operator may correct, and how often.</summary>
public sealed class CorrectionOptions
{
    public const string Section = "Babelcast:Corrections";

    /// <summary>How far back a correction may reach: the phrase's seq must be among the session's last this many.</summary>
    [Range(1, 1000)]
    public int CorrectablePhrases { get; set; } = 20;

    /// <summary>Corrections per session in any minute; each is translated into every listener language.</summary>
    [Range(1, 600)]
    public int MaxPerMinute { get; set; } = 10;

    /// <summary>Characters of a corrected line, as a typed line.</summary>
    [Range(1, 2000)]
    public int MaxLength { get; set; } = 500;
}
