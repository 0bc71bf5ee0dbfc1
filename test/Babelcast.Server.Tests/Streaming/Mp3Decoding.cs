using System.Diagnostics;
using Babelcast.Testing;

namespace Babelcast.Server.Tests.Streaming;

/// <summary>Decodes MP3 with the real mpg123 and checks the byte stream's framing independently of the server's parser.</summary>
internal static class Mp3Decoding
{
    public static Wav.Pcm Decode(byte[] mp3)
    {
        var dir = Directory.CreateTempSubdirectory("bc-stream-");
        try
        {
            var input = Path.Combine(dir.FullName, "in.mp3");
            var output = Path.Combine(dir.FullName, "out.wav");
            File.WriteAllBytes(input, mp3);
            using var p = Process.Start(new ProcessStartInfo("mpg123", ["-q", "-w", output, input]) { RedirectStandardError = true })!;
            var errors = p.StandardError.ReadToEnd();
            p.WaitForExit(60_000);
            Assert.True(p.ExitCode == 0, $"mpg123 failed: {errors}");
            Assert.True(errors.Length == 0, $"mpg123 complained: {errors}");
            return Wav.Read(output);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    /// <summary>
    /// Walks the stream frame by frame from its first byte (MPEG-2 layer III headers, as the server writes at 22,050 Hz)
    /// and returns how many frames it holds; fails on any byte that is not part of a frame or on a Xing/Info frame.
    /// </summary>
    public static int CountContiguousFrames(byte[] mp3, out int sampleRate)
    {
        sampleRate = 0;
        var offset = 0;
        var frames = 0;
        while (offset + 4 <= mp3.Length)
        {
            Assert.True(mp3[offset] == 0xFF && (mp3[offset + 1] & 0xE0) == 0xE0, $"no frame header at byte {offset} of {mp3.Length}");
            var version = (mp3[offset + 1] >> 3) & 3;
            Assert.True(version == 2, $"frame {frames}: MPEG version code {version}");
            var kbps = new[] { 0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160 }[mp3[offset + 2] >> 4];
            var rate = new[] { 22050, 24000, 16000 }[(mp3[offset + 2] >> 2) & 3];
            sampleRate = sampleRate == 0 ? rate : sampleRate;
            Assert.Equal(sampleRate, rate);
            var length = (72 * kbps * 1000 / rate) + ((mp3[offset + 2] >> 1) & 1);
            var tagAt = offset + 4 + 9 + ((mp3[offset + 1] & 1) == 0 ? 2 : 0);
            var tag = System.Text.Encoding.ASCII.GetString(mp3, tagAt, Math.Min(4, mp3.Length - tagAt));
            Assert.True(tag is not ("Xing" or "Info"), $"an Info frame in the middle of the stream at byte {offset}");
            if (offset + length > mp3.Length)
            {
                break; // The last frame may have been cut by the end of the capture.
            }

            offset += length;
            frames++;
        }

        return frames;
    }

    /// <summary>Start times (seconds) of 100 ms windows whose RMS is above <paramref name="threshold"/>.</summary>
    public static List<double> LoudWindows(Wav.Pcm pcm, double threshold = 300)
    {
        var window = pcm.SampleRate / 10;
        var loud = new List<double>();
        for (var i = 0; i + window <= pcm.Samples.Length; i += window)
        {
            if (PcmStats.Rms(pcm.Samples.AsSpan(i, window)) > threshold)
            {
                loud.Add(i / (double)pcm.SampleRate);
            }
        }

        return loud;
    }
}
