using System.Text.Json;
using Babelcast.Server.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Babelcast.EndToEnd.Tests;

/// <summary>
/// The caption display (/display/{id}) on a live broadcast, step by step: two languages side by side, a server that
/// drops its sockets, a transparent overlay for a video mixer, a language the session does not offer, the end.
/// </summary>
[Collection(EndToEndCollection.Name)]
[TestCaseOrderer(StepOrderer.TypeName, StepOrderer.AssemblyName)]
public sealed class DisplayTests(BrowserFixture fixture, LiveDisplay live) : IClassFixture<LiveDisplay>
{
    private static readonly TimeSpan Pipeline = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Drain = TimeSpan.FromMinutes(5);

    [Fact]
    [Step(1)]
    public async Task Display_TwoLanguages_ShowsEachLanguagesCaptionsSideBySideWithoutAudio()
    {
        var d = await live.StartAsync(fixture);
        await d.Screen.WaitAsync(
            "window.babelcast.columns.length === 2 && window.babelcast.columns.every(c => c.finals.length >= 2)", Pipeline,
            "two final captions in each column");

        var columns = await d.Screen.ColumnsAsync();
        Assert.Equal(["es", "fr"], columns.Select(c => c.GetProperty("language").GetString()));
        var es = await d.Screen.FinalsAsync(0);
        var fr = await d.Screen.FinalsAsync(1);
        BroadcastTests.AssertStrictlyIncreasing(es);
        BroadcastTests.AssertStrictlyIncreasing(fr);
        var common = es.Join(fr, e => e.Seq, f => f.Seq, (e, f) => (Es: e.Text, Fr: f.Text)).ToList();
        Assert.NotEmpty(common);
        Assert.Contains(common, c => !string.Equals(c.Es, c.Fr, StringComparison.OrdinalIgnoreCase));

        // Interim captions came before the finals; the screen asked for no audio and got none.
        Assert.Contains(columns, c => c.GetProperty("partialCount").GetInt32() > 0);
        Assert.All(columns, c => Assert.Equal(0, c.GetProperty("audioMessages").GetInt32() + c.GetProperty("binaryFrames").GetInt32()));

        // Each column is a listener of its language (that is why the language is translated at all).
        await d.Speaker.WaitAsync("window.babelcast.listenerCount === 2", Quick, "the screen to count as two listeners");
        var page = d.Screen.Page;
        Assert.Equal(2, await page.Locator(".column").CountAsync());
        Assert.Equal("es", await page.GetAttributeAsync(".column[data-language=es]", "lang"));
        var lastEs = es[^1].Text;
        Assert.Contains(lastEs, await page.InnerTextAsync(".column[data-language=es] .lines"), StringComparison.Ordinal);
        Assert.Equal("", (await page.InnerTextAsync("#status")).Trim());
        Assert.True(await page.Locator("#join").IsVisibleAsync(), "a room screen shows where to join");

        await BestEffortWaitAsync(d.Screen, "window.babelcast.columns.every(c => c.finals.length >= 3)");
        Artifacts.PublishToDocs(await Artifacts.ScreenshotAsync(page, "display-projector"), "display");
    }

    [Fact]
    [Step(2)]
    public async Task Display_ServerDropsItsSockets_ReconnectsAndResumesWithoutGapsOrRepeats()
    {
        var d = await live.StartAsync(fixture);
        await d.Screen.WaitAsync(
            "window.babelcast.columns.length === 2 && window.babelcast.columns.every(c => c.finals.length >= 1)", Pipeline, "a caption in each column");
        var before = (await d.Screen.ColumnsAsync()).Select(c => c.GetProperty("lastSeq").GetInt32()).ToList();

        var hub = fixture.Server.Services.GetRequiredService<IConnectionStore>();
        var dropped = hub.Find(d.SessionId)?.AllListeners() ?? [];
        Assert.Equal(2, dropped.Count);
        foreach (var listener in dropped)
        {
            listener.Socket.Abort();
        }

        await d.Screen.WaitAsync(
            $"window.babelcast.columns.every(c => c.reconnects >= 1 && c.state === 'live') && window.babelcast.state === 'live'",
            Quick, "both columns to reconnect");
        await d.Screen.WaitAsync(
            $"window.babelcast.columns[0].lastSeq > {before[0]} && window.babelcast.columns[1].lastSeq > {before[1]}",
            Pipeline, "new captions after the reconnect");

        for (var i = 0; i < 2; i++)
        {
            var finals = await d.Screen.FinalsAsync(i);
            BroadcastTests.AssertStrictlyIncreasing(finals);
        }

        // Nothing shown twice: one line per phrase, at most the kept ones.
        var seqs = await d.Screen.Page.EvalOnSelectorAllAsync<string[]>(".column[data-language=es] .line", "ls => ls.map(l => l.dataset.seq)");
        Assert.Equal(seqs.Length, seqs.Distinct().Count());
        Assert.Equal(2, hub.Find(d.SessionId)?.AllListeners().Count);
    }

    [Fact]
    [Step(3)]
    public async Task Display_TransparentBackground_OnlyTheOutlinedCaptionsArePainted()
    {
        var d = await live.StartAsync(fixture);
        await using var overlay = await DisplayDriver.OpenAsync(fixture, $"/display/{d.SessionId}?lang=en,es&background=transparent");
        await overlay.WaitAsync(
            "window.babelcast.columns.length === 2 && window.babelcast.columns.every(c => c.finals.length >= 1)", Pipeline, "source and Spanish captions");
        Assert.Equal(["en", "es"], (await overlay.ColumnsAsync()).Select(c => c.GetProperty("language").GetString()));

        var page = overlay.Page;
        foreach (var selector in new[] { "html", "body", ".columns", ".column" })
        {
            Assert.Equal("rgba(0, 0, 0, 0)", await page.EvalOnSelectorAsync<string>(selector, "e => getComputedStyle(e).backgroundColor"));
        }

        Assert.NotEqual("none", await page.EvalOnSelectorAsync<string>(".lines", "e => getComputedStyle(e).textShadow"));
        Assert.False(await page.Locator("#join").IsVisibleAsync(), "an overlay shows no join link unless asked");

        // The real pixels: rendered without a backdrop, the corners are see-through and the captions are not.
        var png = await page.ScreenshotAsync(new PageScreenshotOptions { OmitBackground = true, Path = Path.Combine(RepoPaths.ArtifactsDirectory, "display-transparent.png") });
        var pixels = await page.EvaluateAsync<JsonElement>(
            """
            async (b64) => {
              const img = new Image();
              img.src = 'data:image/png;base64,' + b64;
              await img.decode();
              const canvas = document.createElement('canvas');
              canvas.width = img.width; canvas.height = img.height;
              const g = canvas.getContext('2d');
              g.drawImage(img, 0, 0);
              const data = g.getImageData(0, 0, img.width, img.height).data;
              let opaque = 0, clear = 0;
              for (let i = 3; i < data.length; i += 4) { if (data[i] === 255) opaque++; else if (data[i] === 0) clear++; }
              return { corner: data[3], opaque, clear, total: data.length / 4 };
            }
            """, Convert.ToBase64String(png));
        Assert.Equal(0, pixels.GetProperty("corner").GetInt32());
        var total = pixels.GetProperty("total").GetDouble();
        Assert.InRange(pixels.GetProperty("opaque").GetDouble() / total, 0.001, 0.4);
        Assert.True(pixels.GetProperty("clear").GetDouble() / total > 0.5, "most of an overlay must be see-through");

        // For the docs: the overlay over a stand-in for the video picture.
        var composite = await overlay.Context.NewPageAsync();
        await composite.SetViewportSizeAsync(1280, 720);
        await composite.SetContentAsync(
            "<body style='margin:0;width:1280px;height:720px;background:linear-gradient(135deg,#6b8fb3,#d9c7a0 55%,#4f6d3a)'>" +
            $"<img style='position:absolute;inset:0' src='data:image/png;base64,{Convert.ToBase64String(png)}'></body>");
        Artifacts.PublishToDocs(await Artifacts.ScreenshotAsync(composite, "display-overlay"), "display-overlay");
        Assert.Empty(overlay.PageErrors);
    }

    [Fact]
    [Step(4)]
    public async Task Display_LanguageNotOffered_SaysSoAndShowsTheOthersUnderThePolicy()
    {
        var d = await live.StartAsync(fixture);
        var violations = new List<string>();
        await using var screen = await DisplayDriver.OpenAsync(fixture, $"/display/{d.SessionId}?lang=es,xx,%3Cb%3E", enforceCsp: true);
        screen.Page.Console += (_, m) =>
        {
            if (m.Type == "error" && m.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Add(m.Text);
            }
        };

        var problem = screen.Page.Locator("#problem");
        await problem.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 15_000 });
        var text = await problem.InnerTextAsync();
        Assert.Contains("Not offered in this session", text, StringComparison.Ordinal);
        Assert.Contains("xx", text, StringComparison.Ordinal);
        Assert.Contains("<b>", text, StringComparison.Ordinal); // shown as text, never as markup
        Assert.Contains("fr", text, StringComparison.Ordinal); // the offered ones are listed
        Assert.Equal(1, await screen.Page.Locator(".column").CountAsync());
        await screen.Page.Locator(".column[data-language=es] .line.final").First.WaitForAsync(new() { Timeout = 60_000 });
        Assert.Empty(violations);
        Assert.Empty(screen.PageErrors);
    }

    [Fact]
    [Step(5)]
    public async Task Display_SessionEnds_SaysSessionEndedAndStopsReconnecting()
    {
        var d = await live.StartAsync(fixture);
        await d.Speaker.Page.ClickAsync("#end");
        await d.Speaker.Page.ClickAsync("#end-confirm");
        // The server first works through the audio it has queued (minutes of it on a loaded machine), then ends.
        // (The speaker page shows the end sooner: after 8 s it ends over HTTP, which finds the session already ending.)
        await d.Screen.WaitAsync("window.babelcast.state === 'ended'", Drain, "the screen to see the end");
        Assert.Equal("Session ended", (await d.Screen.Page.InnerTextAsync("#status")).Trim());
        Assert.All(await d.Screen.ColumnsAsync(), c => Assert.Equal("ended", c.GetProperty("state").GetString()));
        Assert.Empty(d.Screen.PageErrors.Concat(d.Speaker.PageErrors));
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
