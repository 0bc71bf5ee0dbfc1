using System.ComponentModel.DataAnnotations;

namespace Babelcast.Server.Operator;

/// <summary>Section "Babelcast:Follow": how closely a phrase must read the prepared text to be sent as its cues.</summary>
public sealed class FollowOptions
{
    public const string Section = "Babelcast:Follow";

    /// <summary>
    /// The least similarity (1 minus the word error rate of the recognised words against the script's, near misses
    /// such as "culprits"/"culprit" counting in part) for a phrase to be taken as read from the script. Measured on
    /// real and synthetic speech (docs/operating.md, ScriptMatcherMeasurementTests): lines read and recognised with
    /// up to about 45 % word errors score 0.5 or more, speech that is not in the script at most 0.38.
    /// </summary>
    [Range(0.1, 1.0)]
    public double Threshold { get; set; } = 0.45;

    /// <summary>How many lines past the expected one a phrase may start at (lines the speaker left out).</summary>
    [Range(0, 20)]
    public int LookAhead { get; set; } = 2;

    /// <summary>Words a phrase must share with the script (fewer when the lines it reads are shorter): one common word is no evidence.</summary>
    [Range(1, 20)]
    public int MinWords { get; set; } = 3;

    /// <summary>The share of a line's words that must have been read for it to go out when the phrase ends inside it.</summary>
    [Range(0.1, 1.0)]
    public double CueCompletion { get; set; } = 0.5;
}
