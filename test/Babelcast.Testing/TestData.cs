namespace Babelcast.Testing;

/// <summary>
/// Locates the speech clips in the repository's own <c>test/data/speech</c> (see its SOURCES.md), found by walking up
/// from the test binaries to the directory that holds <c>Babelcast.slnx</c>: a clone stands alone.
/// </summary>
public static class TestData
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The repository's root directory.</summary>
    public static string RepositoryRoot => Root.Value;

    public static string SpeechDirectory => Path.Combine(RepositoryRoot, "test", "data", "speech");

    public static string SpeechFile(string name) => Path.Combine(SpeechDirectory, name);

    /// <summary>The 12 real clips with their reference transcripts, in transcripts.tsv order.</summary>
    public static IReadOnlyList<(string File, string Reference)> RealClips() =>
        File.ReadAllLines(Path.Combine(SpeechDirectory, "transcripts.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith("synthetic/", StringComparison.Ordinal))
            .Select(l => l.Split('\t'))
            .Select(p => (Path.Combine(SpeechDirectory, p[0]), p[1]))
            .ToList();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Babelcast.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException(
            $"Babelcast.slnx not found above {AppContext.BaseDirectory}: run the tests from a checkout of the repository.");
    }
}
