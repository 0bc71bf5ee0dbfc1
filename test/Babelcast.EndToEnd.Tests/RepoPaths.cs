namespace Babelcast.EndToEnd.Tests;

/// <summary>Paths in the checkout: the repository root (where Babelcast.slnx is), axe-core, artifacts, docs.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    /// <summary>Where .ci/install-e2e.sh extracts axe-core (or BABELCAST_AXE_PATH).</summary>
    public static string AxeScript
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("BABELCAST_AXE_PATH");
            var path = string.IsNullOrEmpty(env)
                ? Path.Combine(Root, "test", "Babelcast.EndToEnd.Tests", "node_modules", "axe-core", "axe.min.js")
                : env;
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException($"axe-core not found at {path}; run .ci/install-e2e.sh first.", path);
        }
    }

    /// <summary>Screenshots of every run: $BABELCAST_ARTIFACTS, else artifacts/e2e in the checkout (git-ignored).</summary>
    public static string ArtifactsDirectory
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("BABELCAST_ARTIFACTS");
            var dir = string.IsNullOrEmpty(env) ? Path.Combine(Root, "artifacts", "e2e") : env;
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    public static string DocsScreenshots => Path.Combine(Root, "docs", "screenshots");

    public static string DocsImages => Path.Combine(Root, "docs", "images");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Babelcast.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Babelcast.slnx not found above " + AppContext.BaseDirectory);
    }
}
