using System.Runtime.InteropServices;
using System.Text;

namespace Babelcast.Bench.Audio;

/// <summary>Reads the 16 kHz mono PCM16 clips of test/data/speech (a minimal RIFF/WAVE reader).</summary>
public static class WavFile
{
    public static short[] Read16kMono(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 12 || Encoding.ASCII.GetString(bytes, 0, 4) != "RIFF")
        {
            throw new InvalidDataException($"{path} is not a RIFF file");
        }

        int pos = 12, rate = 0, channels = 0, bits = 0;
        while (pos + 8 <= bytes.Length)
        {
            var id = Encoding.ASCII.GetString(bytes, pos, 4);
            var size = BitConverter.ToInt32(bytes, pos + 4);
            var body = pos + 8;
            if (id == "fmt ")
            {
                channels = BitConverter.ToInt16(bytes, body + 2);
                rate = BitConverter.ToInt32(bytes, body + 4);
                bits = BitConverter.ToInt16(bytes, body + 14);
            }
            else if (id == "data")
            {
                if (bits != 16 || rate != SpeechProgram.SampleRate || channels != 1)
                {
                    throw new InvalidDataException($"{path}: expected 16 kHz mono 16-bit, got {rate} Hz x{channels}, {bits}-bit");
                }

                size = Math.Min(size < 0 ? int.MaxValue : size, bytes.Length - body);
                var samples = new short[size / 2];
                Buffer.BlockCopy(bytes, body, samples, 0, samples.Length * 2);
                return samples;
            }

            pos = body + size + (size & 1);
        }

        throw new InvalidDataException($"{path} has no data chunk");
    }

    public static byte[] ToBytes(ReadOnlySpan<short> samples) => MemoryMarshal.AsBytes(samples).ToArray();
}
