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

    /// <summary>
    /// Copies an artifact to docs/screenshots/{docsName}.png (the images the README shows) when
    /// BABELCAST_UPDATE_SCREENSHOTS=1, so that ordinary test runs leave the work tree clean.
    /// </summary>
    public static void PublishToDocs(string artifactPath, string docsName) => Publish(artifactPath, RepoPaths.DocsScreenshots, docsName);

    /// <summary>As <see cref="PublishToDocs"/>, into docs/images (the operator guide's pictures, docs/operating.md).</summary>
    public static void PublishToDocImages(string artifactPath, string docsName) => Publish(artifactPath, RepoPaths.DocsImages, docsName);

    private static void Publish(string artifactPath, string directory, string docsName)
    {
        if (Environment.GetEnvironmentVariable("BABELCAST_UPDATE_SCREENSHOTS") != "1")
        {
            return;
        }

        Directory.CreateDirectory(directory);
        File.Copy(artifactPath, Path.Combine(directory, docsName + ".png"), overwrite: true);
    }
}
