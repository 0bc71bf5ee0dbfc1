namespace Babelcast.EndToEnd.Tests;

/// <summary>
/// The operator's console in a real browser: hold during music (the button and the H key) and correcting a caption.
/// Each test has its own session; the pictures of docs/operating.md come from here (BABELCAST_UPDATE_SCREENSHOTS=1).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class HoldAndCorrectionTests(BrowserFixture fixture)
{
    private static readonly TimeSpan Pipeline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(15);
    private const string HeldBanner = "document.querySelector('[data-banner=held]') !== null";

    [Fact]
    public async Task Hold_KeyboardShortcutWhileTalking_ListenerShowsMusic_NoCaptionsUntilReleased_TypedLinesStillGo()
    {
        await using var speaker = await SpeakerDriver.OpenAsync(fixture);
        await speaker.SignInAsync();
        var sessionId = await speaker.CreateSessionAsync("en");
        await using var listener = await ListenerDriver.OpenAsync(fixture, sessionId, "es", phone: true);
        await listener.StartAsync("es");
        await speaker.StartMicrophoneAsync();
        await listener.WaitAsync("window.babelcast.finalCaptions.length >= 1", Pipeline, "a first caption");

        // H outside a text field holds; the fake microphone goes on talking.
        await speaker.Page.Locator("#hold-title").ClickAsync();
        await speaker.Page.Keyboard.PressAsync("h");
        await speaker.WaitAsync("window.babelcast.held === true", Quick, "the speaker to be held");
        await listener.WaitAsync($"window.babelcast.held === true && {HeldBanner}", Quick, "the music state");
        Assert.Equal("true", await speaker.Page.GetAttributeAsync("#hold", "aria-pressed"));

        // Audio sent before the hold (the phrase in progress, a backlog on a loaded machine) may still arrive; then the
        // captions stop although the microphone talks on (without the hold a phrase comes every few seconds).
        Assert.True(await FinalsSettleAsync(speaker), "captions kept coming from the microphone during the hold");
        Assert.Equal("live", await listener.StringAsync("state"));

        await speaker.Page.FillAsync("#typed-text", "The choir sings now.");
        await speaker.Page.PressAsync("#typed-text", "Enter");
        await speaker.Page.WaitForSelectorAsync("#captions p.final.typed", new() { Timeout = 60_000 });
        var typedSeq = await speaker.Page.GetAttributeAsync("#captions p.final.typed", "data-seq");
        await listener.WaitAsync($"window.babelcast.finalCaptions.some(c => c.seq === {typedSeq})", Pipeline, "the typed line during the hold");
        await listener.Page.Locator("#captions p.final.typed").WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Attached });
        Artifacts.PublishToDocImages(await Artifacts.ScreenshotAsync(listener.Page, "hold-listener"), "hold-listener");
        Artifacts.PublishToDocImages(await Artifacts.ScreenshotAsync(speaker.Page, "hold-speaker", fullPage: true), "hold-speaker");

        var beforeRelease = (int)await listener.NumberAsync("lastSeq");
        await speaker.Page.ClickAsync("#hold");
        await listener.WaitAsync($"window.babelcast.held === false && !({HeldBanner})", Quick, "the music state to end");
        await listener.WaitAsync($"window.babelcast.lastSeq > {beforeRelease}", Pipeline, "speech captioned again after the hold");
        Assert.Empty(speaker.PageErrors.Concat(listener.PageErrors));
    }

    /// <summary>True once no final transcript line has arrived for 10 s, within a minute.</summary>
    private static async Task<bool> FinalsSettleAsync(SpeakerDriver speaker)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var count = -1;
        while (DateTime.UtcNow < deadline)
        {
            var now = (await speaker.HooksAsync()).GetProperty("transcriptFinals").GetArrayLength();
            if (now == count)
            {
                return true;
            }

            count = now;
            await Task.Delay(TimeSpan.FromSeconds(10));
        }

        return false;
    }

    [Fact]
    public async Task Correct_RecentLineOnTheSpeakerPage_ListenerCaptionReplacedInPlaceAndMarked()
    {
        await using var speaker = await SpeakerDriver.OpenAsync(fixture);
        await speaker.SignInAsync();
        var sessionId = await speaker.CreateSessionAsync("en");
        await using var listener = await ListenerDriver.OpenAsync(fixture, sessionId, "es", phone: true);
        await listener.StartAsync("es");
        await speaker.WaitAsync("window.babelcast.listenerCount === 1", Quick, "the listener to count");

        await speaker.Page.FillAsync("#typed-text", "The house is blue.");
        await speaker.Page.PressAsync("#typed-text", "Enter");
        await listener.WaitAsync("window.babelcast.finalCaptions.length >= 1", Pipeline, "the typed caption");
        var (seq, before) = (await listener.FinalCaptionsAsync())[0];
        Assert.Contains("azul", before, StringComparison.OrdinalIgnoreCase);

        var input = $"#correct-{seq}";
        await speaker.Page.FillAsync(input, "The house is green.");
        await speaker.Page.ClickAsync($"#corrections-list li[data-seq='{seq}'] button");

        var line = listener.Page.Locator($"#captions p[data-seq='{seq}']");
        await listener.WaitAsync(
            $"document.querySelector(\"#captions p[data-seq='{seq}'] .corrected-mark\") !== null", Pipeline, "the corrected caption");
        Assert.Contains("verde", await line.InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, await listener.Page.Locator("#captions p.final").CountAsync()); // replaced, not added
        await speaker.WaitAsync(
            $"document.querySelector(\"#captions p[data-seq='{seq}']\")?.textContent.startsWith('The house is green.')", Quick, "the speaker's line corrected");
        Assert.Contains("corrected", await speaker.Page.InnerTextAsync("#corrections-status"), StringComparison.Ordinal);
        Artifacts.PublishToDocImages(await Artifacts.ScreenshotAsync(speaker.Page, "correction-speaker", fullPage: true), "correction-speaker");
        Artifacts.PublishToDocImages(await Artifacts.ScreenshotAsync(listener.Page, "correction-listener"), "correction-listener");
        Assert.Empty(speaker.PageErrors.Concat(listener.PageErrors));
    }
}
