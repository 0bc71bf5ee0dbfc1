using System.Collections.Concurrent;
using Babelcast.Core.Pipeline;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Streaming;

/// <summary>
/// One silent MP3 frame per stream format, shared by every stream client. The header is the encoder's own (same
/// version, rate, mode, bit rate), with no CRC and no padding; the side information and main data are zeros, which
/// decoders play as silence. Main-data-begin is 0, so the frame never borrows from the frame before it: it can sit
/// between any two phrases.
/// </summary>
internal sealed class SilentFrames(EngineSet engines, IOptions<StreamOptions> options)
{
    private readonly ConcurrentDictionary<Mp3Format, byte[]> _frames = new();
    private readonly Lazy<Mp3Format> _default = new(() => EncoderFormat(engines, options.Value.SampleRate));

    /// <summary>The format of the encoder's output at the configured rate: the stream's format until a phrase says otherwise.</summary>
    public Mp3Format Default => _default.Value;

    public byte[] For(Mp3Format format) => _frames.GetOrAdd(format, Build);

    private static Mp3Format EncoderFormat(EngineSet engines, int sampleRate)
    {
        var mp3 = engines.Encoder.Encode(new short[sampleRate], sampleRate);
        Mp3Frames.Split(mp3, out var format);
        return format ?? throw new InvalidOperationException($"The encoder '{engines.Encoder.Name}' does not produce MP3 frames.");
    }

    private static byte[] Build(Mp3Format format)
    {
        var rateIndex = format.SampleRate switch { 44100 or 22050 or 11025 => 0, 48000 or 24000 or 12000 => 1, _ => 2 };
        var bitrates = format.Version == Mp3Frames.Mpeg1
            ? new[] { 0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320 }
            : [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
        var bitrateIndex = Array.IndexOf(bitrates, format.BitrateKbps);
        Span<byte> header =
        [
            0xFF,
            (byte)(0xE0 | (format.Version << 3) | (1 << 1) | 1), // layer III, no CRC
            (byte)((bitrateIndex << 4) | (rateIndex << 2)),      // no padding, private bit clear
            (byte)(format.ChannelMode << 6),
        ];
        if (!Mp3Frames.TryReadHeader(header, 0, out _, out var length))
        {
            throw new InvalidOperationException($"No silent frame for {format}.");
        }

        var frame = new byte[length];
        header.CopyTo(frame);
        return frame;
    }
}
