using System.Diagnostics;
using Babelcast.Testing;

namespace Babelcast.Audio.Lame.Tests;

/// <summary>Decodes with the real lame CLI, which honours the Info tag's delay and padding.</summary>
internal static class Mp3Decoder
{
    public static Wav.Pcm Decode(byte[] mp3)
    {
        var directory = Directory.CreateTempSubdirectory("babelcast-lame-");
        try
        {
            var input = Path.Combine(directory.FullName, "in.mp3");
            var output = Path.Combine(directory.FullName, "out.wav");
            File.WriteAllBytes(input, mp3);
            using var process = Process.Start(new ProcessStartInfo("lame")
            {
                ArgumentList = { "--quiet", "--decode", input, output },
                RedirectStandardError = true,
                UseShellExecute = false,
            })!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"lame --decode exited with {process.ExitCode}: {error}");
            }

            return Wav.Read(output);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
