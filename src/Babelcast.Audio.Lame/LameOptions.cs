namespace Babelcast.Audio.Lame;

/// <summary>Settings of the LAME MP3 encoder, bound from <see cref="SectionName"/>.</summary>
public sealed class LameOptions
{
    public const string SectionName = "Babelcast:Encoding:Lame";

    /// <summary>
    /// Constant bit rate in kbit/s: 32 keeps 22,050 Hz synthetic speech clear at 4 KB per second. Audio is most of
    /// what a listener receives (94 % of the bytes at 56 kbit/s), so the rate is the fan-out's cost: at 10,000
    /// listeners, 56 kbit/s gave a queue-to-receive p99 of 556-1107 ms and 32 kbit/s 367-462 ms (docs/benchmarks.md).
    /// </summary>
    public int Bitrate { get; set; } = 32;

    /// <summary>LAME's algorithm quality, 0 (best, slowest) to 9 (worst, fastest).</summary>
    public int Quality { get; set; } = 5;

    /// <summary>
    /// Write LAME's Info frame (encoder delay and padding) at the start of each phrase, so that decoders
    /// that honour it (browsers, lame --decode) trim the padding and phrases play back to back without gaps.
    /// LAME writes it only when it fits in one frame: at 22,050 Hz from 56 kbit/s up, not below (the default 32
    /// included), where a phrase decodes some 40-50 ms longer than its input (the encoder's delay and padding).
    /// </summary>
    public bool WriteInfoTag { get; set; } = true;
}
