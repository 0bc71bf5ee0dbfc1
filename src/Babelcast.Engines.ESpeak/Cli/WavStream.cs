using System.Buffers.Binary;
using System.Text;

namespace Babelcast.Engines.ESpeak.Cli;

/// <summary>
/// Reads the PCM16 WAV that <c>espeak-ng --stdout</c> writes: a canonical header whose sizes are
/// placeholders (the length is unknown when streaming), so the data runs to the end of the stream.
/// </summary>
internal static class WavStream
{
    public static (short[] Samples, int SampleRate) Parse(ReadOnlySpan<byte> wav)
    {
        if (wav.IsEmpty)
        {
            return ([], 0);
        }

        if (wav.Length < 12 || !wav[..4].SequenceEqual("RIFF"u8) || !wav[8..12].SequenceEqual("WAVE"u8))
        {
            throw new InvalidDataException("espeak-ng did not write a WAV stream.");
        }

        var rate = 0;
        var pos = 12;
        while (pos + 8 <= wav.Length)
        {
            var id = wav.Slice(pos, 4);
            var size = BinaryPrimitives.ReadInt32LittleEndian(wav.Slice(pos + 4, 4));
            var body = pos + 8;
            if (id.SequenceEqual("fmt "u8))
            {
                rate = BinaryPrimitives.ReadInt32LittleEndian(wav.Slice(body + 4, 4));
            }
            else if (id.SequenceEqual("data"u8))
            {
                var data = wav[body..];
                var samples = new short[data.Length / 2];
                for (var i = 0; i < samples.Length; i++)
                {
                    samples[i] = BinaryPrimitives.ReadInt16LittleEndian(data.Slice(2 * i, 2));
                }

                return (samples, rate);
            }

            pos = body + size;
        }

        throw new InvalidDataException($"espeak-ng's WAV stream has no data chunk ({Encoding.ASCII.GetString(wav[..Math.Min(wav.Length, 44)])}).");
    }
}
