using System.ComponentModel.DataAnnotations;

namespace Babelcast.Server.WebSockets;

/// <summary>Section "Babelcast:WebSockets".</summary>
public sealed class LiveOptions
{
    public const string Section = "Babelcast:WebSockets";

    /// <summary>Deliveries queued per listener before it counts as too slow and is disconnected (it then resumes).</summary>
    [Range(4, 100_000)]
    public int ListenerQueueCapacity { get; set; } = 256;

    [Range(256, 1_048_576)]
    public int MaxTextMessageBytes { get; set; } = 4096;

    [Range(1024, 1_048_576)]
    public int MaxAudioFrameBytes { get; set; } = 32768;

    /// <summary>Ping interval; a peer that does not answer within <see cref="KeepAliveTimeout"/> is dropped.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
