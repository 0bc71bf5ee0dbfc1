namespace Babelcast.Audio.Lame;

/// <summary>Settings of the LAME MP3 encoder, bound from <see cref="SectionName"/>.</summary>
public sealed class LameOptions
{
    public const string SectionName = "Babelcast:Encoding:Lame";

    /// <summary>Constant bit rate in kbit/s; 48 keeps 22,050 Hz speech clear at about 6 KB per second.</summary>
    public int Bitrate { get; set; } = 56;

    /// <summary>LAME's algorithm quality, 0 (best, slowest) to 9 (worst, fastest).</summary>
    public int Quality { get; set; } = 5;

    /// <summary>
    /// Write LAME's Info frame (encoder delay and padding) at the start of each phrase, so that decoders
    /// that honour it (browsers, lame --decode) trim the padding and phrases play back to back without gaps.
    /// LAME writes it only when it fits in one frame: at 22,050 Hz from 56 kbit/s up, not at 48, where a
    /// phrase decodes some 40 ms longer than its input.
    /// </summary>
    public bool WriteInfoTag { get; set; } = true;
}
