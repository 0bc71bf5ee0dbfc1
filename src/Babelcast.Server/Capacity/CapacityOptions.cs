using System.ComponentModel.DataAnnotations;

namespace Babelcast.Server.Capacity;

/// <summary>Section "Babelcast:Capacity": how many sessions this node carries at once.</summary>
public sealed class CapacityOptions
{
    public const string Section = "Babelcast:Capacity";

    /// <summary>
    /// Speaking sessions (a speaker connected and streaming) this node admits at once; 0 derives it from the core
    /// count (<see cref="SpeakingSessionsPerCore"/> times <see cref="Environment.ProcessorCount"/>).
    /// </summary>
    [Range(0, 10_000)]
    public int MaxSpeakingSessions { get; set; }

    /// <summary>
    /// Speaking sessions per core when <see cref="MaxSpeakingSessions"/> is 0. With the default engines (3 listener
    /// languages each) a 2-core machine kept 3 speakers bounded and 4 not; the per-core figure is re-measured on a
    /// quiet machine (docs/benchmarks.md).
    /// </summary>
    [Range(1, 1000)]
    public int SpeakingSessionsPerCore { get; set; } = 3;

    /// <summary>
    /// A speaker who drops keeps the session's place this long, so that a reconnect is never refused; a session that
    /// ends while its speaker is connected gives its place back at once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan SpeakerReconnectGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether <c>POST /api/sessions</c> is refused (503 <c>CAPACITY_EXCEEDED</c>) while every place is taken.</summary>
    public bool RefuseSessionCreation { get; set; } = true;

    /// <summary>The retry delay a refusal suggests.</summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 30;

    /// <summary>The limit in force: the configured one, or the per-core figure times the core count.</summary>
    public int EffectiveMaxSpeakingSessions =>
        MaxSpeakingSessions > 0 ? MaxSpeakingSessions : SpeakingSessionsPerCore * Environment.ProcessorCount;
}
