using System.Diagnostics;
using Xunit;

namespace Babelcast.Testing;

/// <summary>Synthetic speech made by the tests themselves: flite speaks a sentence into a 16 kHz mono WAV.</summary>
public static class SpokenClips
{
    public static short[] Speak(string text, string voice = "kal16")
    {
        var path = Path.Combine(Path.GetTempPath(), $"babelcast-spoken-{Guid.NewGuid():N}.wav");
        try
        {
            var start = new ProcessStartInfo("flite") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in new[] { "-voice", voice, "-t", text, "-o", path })
            {
                start.ArgumentList.Add(argument);
            }

            using (var flite = Process.Start(start)!)
            {
                flite.WaitForExit();
                Assert.True(flite.ExitCode == 0, $"flite failed: {flite.StandardError.ReadToEnd()}");
            }

            return Wav.Read16kMono(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
