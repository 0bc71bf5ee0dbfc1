namespace Babelcast.Bench.Audio;

/// <summary>
/// The speech clips in the repository's <c>test/data/speech</c> (see its SOURCES.md), found by walking up from the
/// bench's binaries (or the working directory) to the directory that holds <c>Babelcast.slnx</c>.
/// </summary>
public static class SpeechClips
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string Directory => Path.Combine(Root.Value, "test", "data", "speech");

    /// <summary>The real clips with their reference transcripts, in transcripts.tsv order (synthetic ones left out).</summary>
    public static IReadOnlyList<(string File, string Reference)> Real() =>
        File.ReadAllLines(Path.Combine(Directory, "transcripts.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith("synthetic/", StringComparison.Ordinal))
            .Select(l => l.Split('\t'))
            .Select(p => (Path.Combine(Directory, p[0]), p[1]))
            .ToList();

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Babelcast.slnx")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException($"Babelcast.slnx not found above {AppContext.BaseDirectory}: run the bench from a checkout of the repository.");
    }
}
