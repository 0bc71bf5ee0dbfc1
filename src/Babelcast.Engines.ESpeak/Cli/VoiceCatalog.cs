using System.Diagnostics;

namespace Babelcast.Engines.ESpeak.Cli;

/// <summary>The names <c>espeak-ng -v</c> accepts, from one run of <c>espeak-ng --voices</c>.</summary>
internal static class VoiceCatalog
{
    public static HashSet<string> Load(string executable)
    {
        using var process = Process.Start(new ProcessStartInfo(executable)
        {
            ArgumentList = { "--voices" },
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"Cannot start {executable}.");
        var listing = process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        // Columns: Pty Language Age/Gender VoiceName File Other-languages.
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in listing.Split('\n').Skip(1))
        {
            var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (columns.Length >= 5)
            {
                names.Add(columns[1]);
                names.Add(columns[3]);
                names.Add(columns[4]);
                names.Add(Path.GetFileName(columns[4]));
            }
        }

        return names;
    }
}
