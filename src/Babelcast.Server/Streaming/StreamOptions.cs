using System.ComponentModel.DataAnnotations;

namespace Babelcast.Server.Streaming;

/// <summary>Section "Babelcast:Stream": the endless MP3 stream per language (<c>/api/sessions/{id}/stream/{lang}.mp3</c>).</summary>
public sealed class StreamOptions
{
    public const string Section = "Babelcast:Stream";

    /// <summary>
    /// How far the stream runs ahead of the wall clock: written at once when a client connects and kept topped up with
    /// silence, so a player has this much in hand against network jitter. A phrase is heard this much after it is written.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:05")]
    public TimeSpan Lead { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often silence is topped up; a phrase is written as soon as it arrives.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:01")]
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Speech allowed to wait ahead of the wall clock when phrases come faster than they play; beyond it the oldest waiting
    /// phrase is skipped (counted as <c>STREAM_PHRASE_SKIPPED</c>) so that the stream stays near live.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan MaxBacklog { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>
    /// Bytes written for a client that it has not read yet (beyond the server's and the kernel's own buffers); a client
    /// that falls this far behind is disconnected (<c>SLOW_CONSUMER</c>).
    /// </summary>
    [Range(4096, 16 * 1024 * 1024)]
    public int MaxBufferedBytes { get; set; } = 64 * 1024;

    /// <summary>Sample rate of the silence before the first phrase; the synthesiser's rate (espeak-ng: 22,050 Hz).</summary>
    [Range(8000, 48000)]
    public int SampleRate { get; set; } = 22050;
}
