namespace Babelcast.EndToEnd.Tests;

/// <summary>
/// One broadcast (<see cref="LiveBroadcast"/>) followed step by step, one behaviour per test: a failure names the
/// behaviour that broke, and the later steps still run on the same session.
/// </summary>
[Collection(EndToEndCollection.Name)]
[TestCaseOrderer(StepOrderer.TypeName, StepOrderer.AssemblyName)]
public sealed class BroadcastTests(BrowserFixture fixture, LiveBroadcast live) : IClassFixture<LiveBroadcast>
{
    private const string HeardAndPlayed = "window.babelcast.finalCaptions.length >= 2 && window.babelcast.audioScheduledSeconds > 0";
    private static readonly TimeSpan Pipeline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(15);

    [Fact]
    [Step(1)]
    public async Task Speaker_TwoListenersJoined_ShowsListenerCountTwo()
    {
        var b = await live.StartAsync(fixture);
        await b.Speaker.WaitAsync("window.babelcast.listenerCount === 2", Quick, "the listener count to reach 2");
        Assert.Equal("2", (await b.Speaker.Page.InnerTextAsync("#listener-count")).Trim());
    }

    [Fact]
    [Step(2)]
    public async Task Listeners_SpeakerTalks_EachGetsDistinctFinalCaptionsInItsLanguage()
    {
        var b = await live.StartAsync(fixture);
        await b.Spanish.WaitAsync("window.babelcast.finalCaptions.length >= 2", Pipeline, "two Spanish captions");
        await b.French.WaitAsync("window.babelcast.finalCaptions.length >= 2", Pipeline, "two French captions");

        var es = await b.Spanish.FinalCaptionsAsync();
        var fr = await b.French.FinalCaptionsAsync();
        Assert.All(es.Concat(fr), c => Assert.False(string.IsNullOrWhiteSpace(c.Text)));
        AssertStrictlyIncreasing(es);
        AssertStrictlyIncreasing(fr);
        var common = es.Join(fr, e => e.Seq, f => f.Seq, (e, f) => (e.Seq, Es: e.Text, Fr: f.Text)).ToList();
        Assert.NotEmpty(common);
        Assert.Contains(common, c => !string.Equals(c.Es, c.Fr, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(es.Count, await b.Spanish.Page.Locator("#captions p.final").CountAsync());
    }

    [Fact]
    [Step(3)]
    public async Task Listeners_PhrasesTranslated_PlayTheirAudio()
    {
        var b = await live.StartAsync(fixture);
        await b.Spanish.WaitAsync(HeardAndPlayed, Pipeline, "two Spanish captions and played audio");
        await b.French.WaitAsync(HeardAndPlayed, Pipeline, "two French captions and played audio");
        Assert.True(await b.Spanish.NumberAsync("audioDecodedCount") >= 1);

        await BestEffortWaitAsync(b.Spanish, "window.babelcast.finalCaptions.length >= 3"); // a fuller screenshot
        Artifacts.PublishToDocs(await Artifacts.ScreenshotAsync(b.Speaker.Page, "speaker-live"), "speaker");
        Artifacts.PublishToDocs(await Artifacts.ScreenshotAsync(b.Spanish.Page, "listener-live-phone"), "listener");
        await Artifacts.ScreenshotAsync(b.French.Page, "listener-live-desktop");
    }

    [Fact]
    [Step(4)]
    public async Task Speaker_Talking_SeesItsOwnFinalTranscript()
    {
        var b = await live.StartAsync(fixture);
        await b.Speaker.WaitAsync("window.babelcast.transcriptFinals.length >= 2", Pipeline, "the speaker's own captions");
    }

    [Fact]
    [Step(5)]
    public async Task Speaker_DownloadsSpanishTranscript_GetsWebVttWithTheCaptions()
    {
        var b = await live.StartAsync(fixture);
        await b.Spanish.WaitAsync("window.babelcast.finalCaptions.length >= 1", Pipeline, "a Spanish caption");
        var es = await b.Spanish.FinalCaptionsAsync();

        // A Bearer fetch turned into a file.
        await b.Speaker.Page.SelectOptionAsync("#transcript-language", "es");
        var download = await b.Speaker.Page.RunAndWaitForDownloadAsync(() => b.Speaker.Page.ClickAsync("[data-format=vtt]"));
        var vtt = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.StartsWith("WEBVTT", vtt, StringComparison.Ordinal);
        Assert.Contains("-->", vtt, StringComparison.Ordinal);
        Assert.Contains(es[0].Text.Split(' ')[0], vtt, StringComparison.Ordinal);
    }

    [Fact]
    [Step(6)]
    public async Task LateJoiner_JoinsMidSession_SeesReplayedCaptionsAtOnce()
    {
        var b = await live.StartAsync(fixture);
        await b.Spanish.WaitAsync("window.babelcast.finalCaptions.length >= 1", Pipeline, "a Spanish caption to replay");
        await using var late = await ListenerDriver.OpenAsync(fixture, b.SessionId, "es", phone: true);
        await late.StartAsync("es");
        await late.WaitAsync("window.babelcast.finalCaptions.length >= 1", Quick, "replayed captions for a late joiner");
        Assert.True(await late.Page.Locator("#captions p.replay").CountAsync() >= 1);
        Assert.Empty(late.PageErrors);
    }

    [Fact]
    [Step(7)]
    public async Task PauseAndResume_ReachEveryListenerAsABanner()
    {
        var b = await live.StartAsync(fixture);
        await b.Speaker.Page.ClickAsync("#pause");
        await b.Spanish.WaitAsync("document.querySelector('[data-banner=paused]') !== null", Quick, "the paused banner");
        await b.French.WaitAsync("document.querySelector('[data-banner=paused]') !== null", Quick, "the paused banner");
        Assert.Contains("paused", await b.Spanish.Page.InnerTextAsync("#banners"), StringComparison.OrdinalIgnoreCase);
        await Artifacts.ScreenshotAsync(b.Spanish.Page, "listener-paused-phone");

        await b.Speaker.Page.ClickAsync("#pause");
        await b.Spanish.WaitAsync("document.querySelector('[data-banner=paused]') === null", Quick, "the paused banner to go");
        await b.French.WaitAsync("document.querySelector('[data-banner=paused]') === null", Quick, "the paused banner to go");
    }

    [Fact]
    [Step(8)]
    public async Task MuteAndUnmute_ReachTheListenerAsABanner()
    {
        var b = await live.StartAsync(fixture);
        await b.Speaker.Page.ClickAsync("#mute");
        await b.French.WaitAsync("document.querySelector('[data-banner=muted]') !== null", Quick, "the muted banner");
        await b.Speaker.Page.ClickAsync("#mute");
        await b.French.WaitAsync("document.querySelector('[data-banner=muted]') === null", Quick, "the muted banner to go");
    }

    [Fact]
    [Step(9)]
    public async Task Listener_ChangesLanguageWithoutReload_ServerConfirmsAndCaptionsAreMarked()
    {
        var b = await live.StartAsync(fixture);
        var offered = await b.French.Page.EvalOnSelectorAsync<string[]>("#live-language", "s => [...s.options].map(o => o.value)");
        Assert.Contains(offered, v => v is not "fr" and not "en");
        var other = offered.First(v => v is not "fr" and not "en");

        await b.French.Page.SelectOptionAsync("#live-language", other);
        await b.French.WaitAsync(
            $"window.babelcast.language === '{other}' && document.querySelector('#captions .divider') !== null", Quick, "languageChanged");
    }

    [Fact]
    [Step(10)]
    public async Task Speaker_TypesALine_ListenersSeeItTranslatedAndMarkedTyped()
    {
        var b = await live.StartAsync(fixture);
        await b.Speaker.Page.FillAsync("#typed-text", "Please turn to page twelve.");
        await b.Speaker.Page.PressAsync("#typed-text", "Enter");

        await b.Spanish.Page.WaitForSelectorAsync("#captions p.final.typed", new() { Timeout = 60_000 });
        Assert.Contains("página", await b.Spanish.Page.InnerTextAsync("#captions p.final.typed"), StringComparison.OrdinalIgnoreCase);
        await b.Speaker.Page.WaitForSelectorAsync("#captions p.final.typed", new() { Timeout = 60_000 });
        Assert.Equal("Please turn to page twelve.", await b.Speaker.Page.InnerTextAsync("#captions p.final.typed"));
        Assert.Equal(string.Empty, await b.Speaker.Page.InputValueAsync("#typed-text"));
        await Artifacts.ScreenshotAsync(b.Spanish.Page, "listener-typed-line");
        await Artifacts.ScreenshotAsync(b.Speaker.Page, "speaker-typed-line");
    }

    [Fact]
    [Step(11)]
    public async Task Speaker_EndsSessionWithConfirmation_EveryPageShowsSessionEnded()
    {
        var b = await live.StartAsync(fixture);
        await b.Speaker.Page.ClickAsync("#end");
        await b.Speaker.Page.ClickAsync("#end-confirm");

        // The server first delivers the phrases still in the pipeline, so this can take as long as a phrase.
        await b.Spanish.WaitAsync("window.babelcast.state === 'ended'", Pipeline, "the session to end");
        await b.French.WaitAsync("window.babelcast.state === 'ended'", Pipeline, "the session to end");
        await b.Speaker.WaitAsync("window.babelcast.state === 'ended'", Pipeline, "the speaker to see the end");
        Assert.Contains("Session ended", await b.Spanish.Page.InnerTextAsync("#banners"), StringComparison.Ordinal);
        await Artifacts.ScreenshotAsync(b.Spanish.Page, "listener-ended-phone");
        await Artifacts.ScreenshotAsync(b.Speaker.Page, "speaker-ended", fullPage: true);
    }

    [Fact]
    [Step(12)]
    public async Task Pages_WholeBroadcast_RaiseNoScriptErrors()
    {
        var b = await live.StartAsync(fixture);
        Assert.Empty(b.Speaker.PageErrors.Concat(b.Spanish.PageErrors).Concat(b.French.PageErrors));
    }

    internal static void AssertStrictlyIncreasing(IReadOnlyList<(int Seq, string Text)> captions)
    {
        for (var i = 1; i < captions.Count; i++)
        {
            Assert.True(captions[i].Seq > captions[i - 1].Seq,
                $"final seqs must be unique and increasing: {string.Join(",", captions.Select(c => c.Seq))}");
        }
    }

    private static async Task BestEffortWaitAsync(PageDriver page, string condition)
    {
        try
        {
            await page.Page.WaitForFunctionAsync(condition, null, new() { Timeout = 15_000, PollingInterval = 250 });
        }
        catch (TimeoutException)
        {
            // Only the screenshot is less full; the assertions of this step already passed.
        }
    }
}
