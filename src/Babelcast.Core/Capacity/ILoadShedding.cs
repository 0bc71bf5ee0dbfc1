namespace Babelcast.Core.Capacity;

/// <summary>
/// The node-wide load-shedding decision. Pipelines report how far behind they run; every pipeline reads the same
/// <see cref="Level"/> and sheds work accordingly.
/// </summary>
public interface ILoadShedding
{
    ShedLevel Level { get; }

    /// <summary>Audio waited this long between its arrival and its recognition (the ingest backlog of a session).</summary>
    void ReportIngestLag(TimeSpan lag);

    /// <summary>A phrase's final text came this long after its end was detected (the final-pass backlog).</summary>
    void ReportFinalDelay(TimeSpan delay);
}
