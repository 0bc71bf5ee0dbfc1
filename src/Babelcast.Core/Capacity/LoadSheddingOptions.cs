using System.ComponentModel.DataAnnotations;

namespace Babelcast.Core.Capacity;

/// <summary>Section "Babelcast:Capacity:Shedding": when a loaded node sheds work and when it recovers.</summary>
public sealed class LoadSheddingOptions : IValidatableObject
{
    public const string Section = "Babelcast:Capacity:Shedding";

    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Audio waiting this long to be recognised counts as full pressure. A pipeline keeping up handles each 100 ms
    /// frame within a few milliseconds, but on a busy node bursts of final passes hold streaming work back: six
    /// speakers on two cores, bounded at full accuracy, saw waits of 0.9-1.5 s that cleared by themselves.
    /// </summary>
    [Range(50, 60_000)]
    public int IngestLagLimitMs { get; set; } = 1000;

    /// <summary>
    /// A final text this long after the end of speech counts as full pressure. The final pass of a typical phrase takes
    /// a few hundred milliseconds on an idle core.
    /// </summary>
    [Range(100, 60_000)]
    public int FinalDelayLimitMs { get; set; } = 1500;

    /// <summary>Pressure is the worst report of each window, in parts of its limit.</summary>
    [Range(100, 60_000)]
    public int WindowMs { get; set; } = 1000;

    /// <summary>
    /// Windows in a row at or over the limit, and not clearly draining, before a step up: one slow phrase, or a burst
    /// of final passes that the streaming work catches up on, is not overload (six speakers on two cores, bounded at
    /// full accuracy, shed to the reduced pass on such bursts and stayed there), a backlog that lasts or grows is.
    /// </summary>
    [Range(1, 60)]
    public int RaiseAfterWindows { get; set; } = 3;

    /// <summary>Two steps up are at least this far apart, so that one step can take effect before the next.</summary>
    [Range(0, 600_000)]
    public int StepUpIntervalMs { get; set; } = 3000;

    /// <summary>
    /// Pressure below this fraction of the limits counts as calm. 1: a window under the limits is calm, and the
    /// hysteresis is in time alone (a raise needs <see cref="RaiseAfterWindows"/> windows, a step down
    /// <see cref="RecoverAfterMs"/>); at 0.5 a node that could carry its load at full accuracy, once raised by a burst,
    /// never saw a calm window again (six speakers: final texts 0.7 s after speech at p50, half the limit).
    /// </summary>
    [Range(0.0, 1.0)]
    public double RecoverBelow { get; set; } = 1.0;

    /// <summary>One step down after this long calm; the gap between raising and recovering is the hysteresis.</summary>
    [Range(1000, 3_600_000)]
    public int RecoverAfterMs { get; set; } = 15_000;

    /// <summary>The highest level the node may reach (0 to 3; 0 turns shedding off as <see cref="Enabled"/> false does).</summary>
    [Range(0, 3)]
    public int MaxLevel { get; set; } = (int)ShedLevel.StreamingFinal;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RecoverAfterMs < WindowMs)
        {
            yield return new ValidationResult($"{nameof(RecoverAfterMs)} must be at least {nameof(WindowMs)}.", [nameof(RecoverAfterMs)]);
        }
    }
}
