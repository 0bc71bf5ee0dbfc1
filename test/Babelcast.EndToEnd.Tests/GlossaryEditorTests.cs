using Babelcast.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Babelcast.EndToEnd.Tests;

/// <summary>The glossary editor on the speaker page: a list typed in, saved, used by the session, and applied to its next phrase.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class GlossaryEditorTests(BrowserFixture fixture)
{
    [Fact]
    public async Task GlossaryEditor_TypedSavedAndUsed_NextPhraseSpellsTheTerms()
    {
        await using var speaker = await SpeakerDriver.OpenAsync(fixture);
        await speaker.SignInAsync();
        var sessionId = await speaker.CreateSessionAsync();
        var page = speaker.Page;

        await page.Locator("#glossary-rows tr").First.WaitForAsync();
        await page.FillAsync("#glossary-name", "Sunday service");
        var first = page.Locator("#glossary-rows tr").First;
        await first.Locator(".g-term").FillAsync("Pastor Nguyen");
        await first.Locator(".g-sounds").FillAsync("pastor win");
        await first.Locator(".g-renderings").FillAsync("fr: le pasteur Nguyen");
        await page.ClickAsync("#glossary-add");
        var second = page.Locator("#glossary-rows tr").Nth(1);
        await second.Locator(".g-term").FillAsync("Ecclesiastes");
        await second.Locator(".g-renderings").FillAsync("es: Eclesiastés; fr: l'Ecclésiaste");
        await page.CheckAsync("#glossary-use");
        await page.ClickAsync("#glossary-save");

        await Assertions.Expect(page.Locator("#glossary-status")).ToContainTextAsync("Saved “Sunday service”: 2 terms");
        var used = await fixture.Server.Services.GetRequiredService<IGlossaryStore>().GetSessionGlossariesAsync(sessionId, CancellationToken.None);
        var glossary = Assert.Single(used);
        Assert.Equal("Sunday service", glossary.Name);
        Assert.Equal(["Pastor Nguyen", "Ecclesiastes"], glossary.Entries.Select(e => e.Term));
        Assert.Equal("pastor win", glossary.Entries[0].SoundsLike);
        Assert.Equal("l'Ecclésiaste", glossary.Entries[1].Renderings["fr"]);
        Assert.Contains("Sunday service (2)", await page.InnerTextAsync("#glossary-select"), StringComparison.Ordinal);

        // The next phrase (a typed line) comes back spelled as the glossary spells its terms.
        await page.FillAsync("#typed-text", "pastor nguyen reads ecclesiastes");
        await page.ClickAsync("#typed-send");
        await Assertions.Expect(page.Locator("#captions")).ToContainTextAsync("Pastor Nguyen reads Ecclesiastes", new() { Timeout = 60_000 });

        await page.Locator("#glossary-panel").ScrollIntoViewIfNeededAsync();
        var shot = await Artifacts.ScreenshotAsync(page, "glossary-editor");
        if (Environment.GetEnvironmentVariable("BABELCAST_UPDATE_SCREENSHOTS") == "1")
        {
            var images = Path.Combine(RepoPaths.Root, "docs", "images");
            Directory.CreateDirectory(images);
            await page.Locator("#glossary-panel").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(images, "glossary-editor.png") });
        }

        Assert.True(File.Exists(shot));
        Assert.Empty(speaker.PageErrors);
    }
}
