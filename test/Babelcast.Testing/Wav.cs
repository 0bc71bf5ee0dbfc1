namespace Babelcast.Testing;

/// <summary>Minimal RIFF/WAVE reader for PCM16 test clips.</summary>
public static class Wav
{
    public sealed record Pcm(short[] Samples, int SampleRate, int Channels);

    public static Pcm Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 12 || System.Text.Encoding.ASCII.GetString(bytes, 0, 4) != "RIFF")
        {
            throw new InvalidDataException($"{path} is not a RIFF file");
        }

        int pos = 12, rate = 0, channels = 0, bits = 0;
        while (pos + 8 <= bytes.Length)
        {
            var id = System.Text.Encoding.ASCII.GetString(bytes, pos, 4);
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
                if (bits != 16)
                {
                    throw new InvalidDataException($"{path}: {bits}-bit audio is not supported");
                }

                size = Math.Min(size < 0 ? int.MaxValue : size, bytes.Length - body);
                var samples = new short[size / 2];
                Buffer.BlockCopy(bytes, body, samples, 0, samples.Length * 2);
                return new Pcm(samples, rate, channels);
            }

            pos = body + size + (size & 1);
        }

        throw new InvalidDataException($"{path} has no data chunk");
    }

    /// <summary>Reads a clip as 16 kHz mono (the clips in test/data/speech are already 16 kHz mono).</summary>
    public static short[] Read16kMono(string path)
    {
        var pcm = Read(path);
        if (pcm.SampleRate != 16000 || pcm.Channels != 1)
        {
            throw new InvalidDataException($"{path}: expected 16 kHz mono, got {pcm.SampleRate} Hz x{pcm.Channels}");
        }

        return pcm.Samples;
    }

    public static byte[] ToBytes(ReadOnlySpan<short> samples) => System.Runtime.InteropServices.MemoryMarshal.AsBytes(samples).ToArray();
}
