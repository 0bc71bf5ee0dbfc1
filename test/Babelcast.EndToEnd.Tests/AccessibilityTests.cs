using Microsoft.Playwright;

namespace Babelcast.EndToEnd.Tests;

[Collection(EndToEndCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ListenerPage_PhoneSize_FitsWidthHasLargeTargetsAndNoSeriousAxeViolations()
    {
        var token = await fixture.Server.GetTokenAsync();
        var sessionId = await fixture.Server.CreateSessionAsync(token);
        await using var listener = await ListenerDriver.OpenAsync(fixture, sessionId, "es", phone: true);
        await AssertPhoneFriendlyAsync(listener.Page, "listener setup");

        await listener.StartAsync("es");
        await AssertPhoneFriendlyAsync(listener.Page, "listener live");

        await listener.Page.GotoAsync("/join/missing-session-999");
        await listener.WaitAsync("window.babelcast.state === 'notFound'", TimeSpan.FromSeconds(10), "the not-found state");
        await AssertPhoneFriendlyAsync(listener.Page, "listener not found");
        Assert.Empty(listener.PageErrors);
    }

    [Fact]
    public async Task SpeakerPage_SignInSetupAndLive_NoSeriousAxeViolations()
    {
        await using var speaker = await SpeakerDriver.OpenAsync(fixture);
        await AssertNoSeriousViolationsAsync(speaker.Page, "speaker sign-in");
        await speaker.SignInAsync();
        await AssertNoSeriousViolationsAsync(speaker.Page, "speaker setup");
        await speaker.CreateSessionAsync("en");
        await speaker.Page.Locator("#qr").WaitForAsync();
        Assert.True(await speaker.Page.EvalOnSelectorAsync<bool>("#qr", "img => img.complete && img.naturalWidth > 0"), "the QR code image loads");
        await AssertNoSeriousViolationsAsync(speaker.Page, "speaker live");

        // Keyboard access: the controls are reachable with Tab and show a focus ring.
        await speaker.Page.FocusAsync("#copy");
        await speaker.Page.Keyboard.PressAsync("Tab");
        Assert.Equal("qr-big", await speaker.Page.EvaluateAsync<string>("document.activeElement.id"));
        Assert.Empty(speaker.PageErrors);
    }

    private static async Task AssertPhoneFriendlyAsync(IPage page, string state)
    {
        var widths = await page.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"{state}: horizontal scroll ({widths[0]} > {widths[1]})");
        var small = await page.EvaluateAsync<string[]>("""
            [...document.querySelectorAll('button, select, input, a[href]')]
              .filter(e => e.offsetParent !== null)
              .map(e => ({ e, r: e.getBoundingClientRect() }))
              .filter(x => x.r.width < 44 || x.r.height < 44)
              .map(x => `${x.e.id || x.e.textContent.trim()} ${Math.round(x.r.width)}x${Math.round(x.r.height)}`)
            """);
        Assert.True(small.Length == 0, $"{state}: touch targets under 44 px: {string.Join("; ", small)}");
        await AssertNoSeriousViolationsAsync(page, state);
    }

    private static async Task AssertNoSeriousViolationsAsync(IPage page, string state)
    {
        var violations = await AxeAudit.SeriousAsync(page);
        Assert.True(violations.Count == 0, $"{state}: axe found {string.Join(" | ", violations)}");
    }
}
