using System.ComponentModel.DataAnnotations;

namespace Babelcast.Cluster.Redis;

/// <summary>Section "Babelcast:Cluster:Placement": how a worker takes sessions that no node runs.</summary>
public sealed class SessionClaimOptions
{
    public const string Section = "Babelcast:Cluster:Placement";

    /// <summary>Sessions this worker runs at most; a full worker never claims one more. 0 = 3 per core.</summary>
    [Range(0, 10_000)]
    public int MaxSessions { get; set; }

    /// <summary>How often a worker looks for unowned sessions even without an announcement (Pub/Sub is at-most-once).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// A worker waits this long per session it already runs before claiming, so that the least loaded worker usually
    /// wins and sessions spread over the workers.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan DelayPerHeldSession { get; set; } = TimeSpan.FromMilliseconds(40);

    /// <summary>
    /// How often a worker rereads every live session's listener languages to warm their translators before it claims
    /// one (it also follows listener joins as they happen).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan StandbyRescanInterval { get; set; } = TimeSpan.FromSeconds(15);

    public int EffectiveMaxSessions => MaxSessions > 0 ? MaxSessions : 3 * Environment.ProcessorCount;
}
