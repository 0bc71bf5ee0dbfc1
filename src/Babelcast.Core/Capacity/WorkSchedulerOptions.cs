using System.ComponentModel.DataAnnotations;

namespace Babelcast.Core.Capacity;

/// <summary>Section "Babelcast:Capacity:Scheduling": how the node orders recognition work when its cores are busy.</summary>
public sealed class WorkSchedulerOptions : IValidatableObject
{
    public const string Section = "Babelcast:Capacity:Scheduling";

    /// <summary>Off: every piece of work runs at once, as the thread pool takes it (the behaviour before scheduling).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Pieces of recognition work that run at once; 0 means one per core.</summary>
    [Range(0, 1024)]
    public int Concurrency { get; set; }

    /// <summary>
    /// Slots that streaming and partial work may not take, kept for final passes; that work shares the rest (at least
    /// one), so a final pass finds a free core without waiting for the other sessions' chunks (a few milliseconds
    /// each on a quiet node). Off by default: on a loaded 2-core node one slot for every session's streaming held
    /// chunks back for hundreds of milliseconds (smoke run at load 40), which costs partials and shedding headroom.
    /// </summary>
    [Range(0, 1024)]
    public int ReservedForFinal { get; set; }

    /// <summary>
    /// Streaming and partial work that has waited this long goes before every final pass not yet as overdue: the bound on
    /// how long prioritising final passes may hold back the other sessions' live text. Kept under half the shedding
    /// ingest-lag limit, so that prioritising alone does not make the node shed.
    /// </summary>
    [Range(10, 60_000)]
    public int MaxStreamingWaitMs { get; set; } = 250;

    /// <summary>A later phrase's final pass that has waited this long goes before the first-phrase passes.</summary>
    [Range(10, 60_000)]
    public int MaxFinalWaitMs { get; set; } = 1000;

    /// <summary>The slots in use: <see cref="Concurrency"/>, or the processor count when it is 0.</summary>
    public int EffectiveConcurrency(int processorCount) => Concurrency > 0 ? Concurrency : Math.Max(1, processorCount);

    /// <summary>The slots streaming and partial work share: the rest after <see cref="ReservedForFinal"/>, at least one.</summary>
    public int StreamingSlots(int processorCount) => Math.Max(1, EffectiveConcurrency(processorCount) - ReservedForFinal);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Concurrency > 1 && ReservedForFinal >= Concurrency)
        {
            yield return new ValidationResult(
                $"{nameof(ReservedForFinal)} must leave streaming work at least one of the {nameof(Concurrency)} slots.", [nameof(ReservedForFinal)]);
        }
    }
}
