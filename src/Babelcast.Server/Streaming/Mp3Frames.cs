namespace Babelcast.Server.Streaming;

/// <summary>
/// Splits an MPEG audio layer III byte string into frames by their headers (ISO 11172-3 / 13818-3), so that phrases can
/// be re-timed and concatenated: LAME's Xing/Info frame (which only describes one file) is recognised and left out.
/// </summary>
internal static class Mp3Frames
{
    private static readonly int[] Mpeg1Bitrates = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
    private static readonly int[] Mpeg2Bitrates = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
    private static readonly int[] Mpeg1Rates = [44100, 48000, 32000];

    /// <summary>Version codes of the header: 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5.</summary>
    public const int Mpeg1 = 3;

    /// <summary>Reads the header at <paramref name="offset"/>; false if there is no valid layer III header there.</summary>
    public static bool TryReadHeader(ReadOnlySpan<byte> data, int offset, out Mp3Format format, out int frameLength)
    {
        format = null!;
        frameLength = 0;
        if (offset + 4 > data.Length || data[offset] != 0xFF || (data[offset + 1] & 0xE0) != 0xE0)
        {
            return false;
        }

        var version = (data[offset + 1] >> 3) & 3;
        var layer = (data[offset + 1] >> 1) & 3;
        var bitrateIndex = data[offset + 2] >> 4;
        var rateIndex = (data[offset + 2] >> 2) & 3;
        if (version == 1 || layer != 1 || bitrateIndex is 0 or 15 || rateIndex == 3)
        {
            return false;
        }

        var padding = (data[offset + 2] >> 1) & 1;
        var mode = data[offset + 3] >> 6;
        var rate = Mpeg1Rates[rateIndex] >> (version == Mpeg1 ? 0 : version == 2 ? 1 : 2);
        var kbps = (version == Mpeg1 ? Mpeg1Bitrates : Mpeg2Bitrates)[bitrateIndex];
        var samples = version == Mpeg1 ? 1152 : 576;
        frameLength = (samples / 8 * kbps * 1000 / rate) + padding;
        format = new Mp3Format(version, rate, mode, kbps, samples);
        return frameLength > 4;
    }

    /// <summary>
    /// The audio frames of <paramref name="data"/> as (offset, length), skipping an ID3v2 tag, a Xing/Info frame and
    /// anything that is not a frame; <paramref name="format"/> is the first audio frame's format (null if none).
    /// </summary>
    public static List<(int Offset, int Length)> Split(ReadOnlySpan<byte> data, out Mp3Format? format)
    {
        var frames = new List<(int, int)>();
        format = null;
        var offset = SkipId3(data);
        while (offset < data.Length)
        {
            if (!TryReadHeader(data, offset, out var header, out var length) || offset + length > data.Length)
            {
                offset++;
                continue;
            }

            if (!IsInfoFrame(data.Slice(offset, length), header))
            {
                format ??= header;
                frames.Add((offset, length));
            }

            offset += length;
        }

        return frames;
    }

    /// <summary>True for LAME's (or Xing's) header frame: "Xing" or "Info" right after the side information.</summary>
    public static bool IsInfoFrame(ReadOnlySpan<byte> frame, Mp3Format format)
    {
        var side = format.Version == Mpeg1 ? (format.IsMono ? 17 : 32) : (format.IsMono ? 9 : 17);
        var at = 4 + side + ((frame[1] & 1) == 0 ? 2 : 0);
        if (at + 4 > frame.Length)
        {
            return false;
        }

        var tag = frame.Slice(at, 4);
        return tag.SequenceEqual("Xing"u8) || tag.SequenceEqual("Info"u8);
    }

    private static int SkipId3(ReadOnlySpan<byte> data)
    {
        if (data.Length < 10 || !data[..3].SequenceEqual("ID3"u8))
        {
            return 0;
        }

        // Syncsafe size: 7 bits per byte.
        var size = (data[6] << 21) | (data[7] << 14) | (data[8] << 7) | data[9];
        return Math.Min(data.Length, 10 + size);
    }
}
