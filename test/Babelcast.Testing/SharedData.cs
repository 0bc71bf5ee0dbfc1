namespace Babelcast.Testing;

/// <summary>Locates the read-only test data in ../shared beside the checkout (never copied into the repo).</summary>
public static class SharedData
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string SharedRoot => Root.Value;

    public static string SpeechDirectory => Path.Combine(SharedRoot, "testdata", "speech");

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
        var env = Environment.GetEnvironmentVariable("BABELCAST_SHARED_DIR");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env))
        {
            return env;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "testdata")))
            {
                return candidate;
            }

            candidate = Path.Combine(dir.FullName, "..", "shared");
            if (Directory.Exists(Path.Combine(candidate, "testdata")))
            {
                return Path.GetFullPath(candidate);
            }
        }

        throw new DirectoryNotFoundException("shared/testdata not found beside the checkout; set BABELCAST_SHARED_DIR.");
    }
}
