using Microsoft.Playwright;

namespace Babelcast.EndToEnd.Tests;

/// <summary>Screenshots of each run go to the artifacts directory; the chosen ones are also copied to docs/screenshots.</summary>
internal static class Artifacts
{
    public static async Task<string> ScreenshotAsync(IPage page, string name, bool fullPage = false)
    {
        var path = Path.Combine(RepoPaths.ArtifactsDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        return path;
    }

    /// <summary>Copies an artifact to docs/screenshots/{docsName}.png (the images the README shows).</summary>
    public static void PublishToDocs(string artifactPath, string docsName)
    {
        Directory.CreateDirectory(RepoPaths.DocsScreenshots);
        File.Copy(artifactPath, Path.Combine(RepoPaths.DocsScreenshots, docsName + ".png"), overwrite: true);
    }
}
