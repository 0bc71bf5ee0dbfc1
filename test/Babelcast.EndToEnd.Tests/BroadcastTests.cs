namespace Babelcast.EndToEnd.Tests;

[Collection(EndToEndCollection.Name)]
public sealed class BroadcastTests(BrowserFixture fixture)
{
    private static readonly TimeSpan Pipeline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Broadcast_SpeakerWithSpanishAndFrenchListeners_CaptionsAudioControlsAndEndReachListeners()
    {
        await using var speaker = await SpeakerDriver.OpenAsync(fixture);
        await speaker.SignInAsync();
        var sessionId = await speaker.CreateSessionAsync("en");

        await using var spanish = await ListenerDriver.OpenAsync(fixture, sessionId, "es", phone: true);
        await using var french = await ListenerDriver.OpenAsync(fixture, sessionId, "fr", phone: false);
        await spanish.StartAsync("es");
        await french.StartAsync("fr");
        await speaker.WaitAsync("window.babelcast.listenerCount === 2", Quick, "the listener count to reach 2");
        Assert.Equal("2", (await speaker.Page.InnerTextAsync("#listener-count")).Trim());

        await speaker.StartMicrophoneAsync();
        const string heardAndPlayed = "window.babelcast.finalCaptions.length >= 2 && window.babelcast.audioScheduledSeconds > 0";
        await spanish.WaitAsync(heardAndPlayed, Pipeline, "two Spanish captions and played audio");
        await french.WaitAsync(heardAndPlayed, Pipeline, "two French captions and played audio");
        await speaker.WaitAsync("window.babelcast.transcriptFinals.length >= 2", Quick, "the speaker's own captions");

        var es = await spanish.FinalCaptionsAsync();
        var fr = await french.FinalCaptionsAsync();
        Assert.All(es.Concat(fr), c => Assert.False(string.IsNullOrWhiteSpace(c.Text)));
        AssertStrictlyIncreasing(es);
        AssertStrictlyIncreasing(fr);
        var common = es.Join(fr, e => e.Seq, f => f.Seq, (e, f) => (e.Seq, Es: e.Text, Fr: f.Text)).ToList();
        Assert.NotEmpty(common);
        Assert.Contains(common, c => !string.Equals(c.Es, c.Fr, StringComparison.OrdinalIgnoreCase));
        Assert.True(await spanish.NumberAsync("audioDecodedCount") >= 1);
        Assert.Equal(es.Count, await spanish.Page.Locator("#captions p.final").CountAsync());

        await BestEffortWaitAsync(spanish, "window.babelcast.finalCaptions.length >= 3"); // a fuller screenshot
        Artifacts.PublishToDocs(await Artifacts.ScreenshotAsync(speaker.Page, "speaker-live"), "speaker");
        Artifacts.PublishToDocs(await Artifacts.ScreenshotAsync(spanish.Page, "listener-live-phone"), "listener");
        await Artifacts.ScreenshotAsync(french.Page, "listener-live-desktop");

        // Transcript download per language (Bearer fetch turned into a file).
        await speaker.Page.SelectOptionAsync("#transcript-language", "es");
        var download = await speaker.Page.RunAndWaitForDownloadAsync(() => speaker.Page.ClickAsync("[data-format=vtt]"));
        var vtt = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.StartsWith("WEBVTT", vtt, StringComparison.Ordinal);
        Assert.Contains("-->", vtt, StringComparison.Ordinal);
        Assert.Contains(es[0].Text.Split(' ')[0], vtt, StringComparison.Ordinal);

        // A late joiner sees the recent transcript at once (replayed captions).
        await using (var late = await ListenerDriver.OpenAsync(fixture, sessionId, "es", phone: true))
        {
            await late.StartAsync("es");
            await late.WaitAsync("window.babelcast.finalCaptions.length >= 1", Quick, "replayed captions for a late joiner");
            Assert.True(await late.Page.Locator("#captions p.replay").CountAsync() >= 1);
        }

        // Pause and resume reach every listener as a banner.
        await speaker.Page.ClickAsync("#pause");
        await spanish.WaitAsync("document.querySelector('[data-banner=paused]') !== null", Quick, "the paused banner");
        await french.WaitAsync("document.querySelector('[data-banner=paused]') !== null", Quick, "the paused banner");
        Assert.Contains("paused", await spanish.Page.InnerTextAsync("#banners"), StringComparison.OrdinalIgnoreCase);
        await Artifacts.ScreenshotAsync(spanish.Page, "listener-paused-phone");
        await speaker.Page.ClickAsync("#pause");
        await spanish.WaitAsync("document.querySelector('[data-banner=paused]') === null", Quick, "the paused banner to go");

        // Mute and unmute reach the listeners too.
        await speaker.Page.ClickAsync("#mute");
        await french.WaitAsync("document.querySelector('[data-banner=muted]') !== null", Quick, "the muted banner");
        await speaker.Page.ClickAsync("#mute");
        await french.WaitAsync("document.querySelector('[data-banner=muted]') === null", Quick, "the muted banner to go");

        // Language change without reload: the server confirms and the caption area is marked.
        var other = await french.Page.EvalOnSelectorAsync<string?>(
            "#live-language", "s => [...s.options].map(o => o.value).find(v => v !== 'fr' && v !== 'en') ?? null");
        if (other is not null)
        {
            await french.Page.SelectOptionAsync("#live-language", other);
            await french.WaitAsync($"window.babelcast.language === '{other}' && document.querySelector('#captions .divider') !== null", Quick, "languageChanged");
        }

        // Ending the session (with confirmation) shows "Session ended" on every listener. The server first delivers the
        // phrases still in the pipeline, so this can take as long as a phrase.
        await speaker.Page.ClickAsync("#end");
        await speaker.Page.ClickAsync("#end-confirm");
        await spanish.WaitAsync("window.babelcast.state === 'ended'", Pipeline, "the session to end");
        await french.WaitAsync("window.babelcast.state === 'ended'", Pipeline, "the session to end");
        await speaker.WaitAsync("window.babelcast.state === 'ended'", Pipeline, "the speaker to see the end");
        Assert.Contains("Session ended", await spanish.Page.InnerTextAsync("#banners"), StringComparison.Ordinal);
        await Artifacts.ScreenshotAsync(spanish.Page, "listener-ended-phone");
        await Artifacts.ScreenshotAsync(speaker.Page, "speaker-ended", fullPage: true);

        Assert.Empty(speaker.PageErrors.Concat(spanish.PageErrors).Concat(french.PageErrors));
    }

    private static async Task BestEffortWaitAsync(PageDriver page, string condition)
    {
        try
        {
            await page.Page.WaitForFunctionAsync(condition, null, new() { Timeout = 15_000, PollingInterval = 250 });
        }
        catch (TimeoutException)
        {
            // Only the screenshot is less full; the assertions above already passed.
        }
    }

    internal static void AssertStrictlyIncreasing(IReadOnlyList<(int Seq, string Text)> captions)
    {
        for (var i = 1; i < captions.Count; i++)
        {
            Assert.True(captions[i].Seq > captions[i - 1].Seq,
                $"final seqs must be unique and increasing: {string.Join(",", captions.Select(c => c.Seq))}");
        }
    }
}
