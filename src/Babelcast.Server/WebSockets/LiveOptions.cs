using System.ComponentModel.DataAnnotations;

namespace Babelcast.Server.WebSockets;

/// <summary>Section "Babelcast:WebSockets".</summary>
public sealed class LiveOptions
{
    public const string Section = "Babelcast:WebSockets";

    /// <summary>Deliveries queued per listener before it counts as too slow and is disconnected (it then resumes).</summary>
    [Range(4, 100_000)]
    public int ListenerQueueCapacity { get; set; } = 256;

    /// <summary>Deliveries queued for the speaker's socket (transcripts, status) before it is disconnected.</summary>
    [Range(4, 100_000)]
    public int SpeakerQueueCapacity { get; set; } = 4096;

    /// <summary>
    /// Bytes queued per socket (live, held back during a replay, and replayed) before it counts as too slow; audio frames
    /// are large, so a count of messages alone does not bound memory.
    /// </summary>
    [Range(65_536, 1_073_741_824)]
    public int SendQueueMaxBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Phrases one <c>resume</c> replays at most (the newest ones; the client sees a gap in seq before them).</summary>
    [Range(1, 2000)]
    public int MaxResumePhrases { get; set; } = 50;

    /// <summary>
    /// Phrases one <c>resume</c> may translate and synthesise on demand (missed while nobody listened in that language).
    /// Catch-ups of one session run one at a time, so concurrent resumes cannot multiply the work.
    /// </summary>
    [Range(0, 2000)]
    public int MaxCatchUpPerResume { get; set; } = 10;

    [Range(256, 1_048_576)]
    public int MaxTextMessageBytes { get; set; } = 4096;

    [Range(1024, 1_048_576)]
    public int MaxAudioFrameBytes { get; set; } = 32768;

    /// <summary>Ping interval; a peer that does not answer within <see cref="KeepAliveTimeout"/> is dropped.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Send on the thread that wrote (the fan-out) instead of through Kestrel's I/O queues (see
    /// <c>SocketScheduling</c>): at 10,000 listeners it halved the delivery tail. False restores Kestrel's default.
    /// </summary>
    public bool InlineSocketScheduling { get; set; } = true;
}
