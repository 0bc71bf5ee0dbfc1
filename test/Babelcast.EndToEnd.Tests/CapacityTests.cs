using Babelcast.Testing.Host;
using Microsoft.Playwright;

namespace Babelcast.EndToEnd.Tests;

/// <summary>
/// A node at capacity in a real browser: while one speaker broadcasts on a node that carries one speaking session, a
/// second operator's "create session" is refused with the server's reason and a retry time, and no session view opens.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class CapacityTests(BrowserFixture fixture)
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task SecondSpeaker_WhileTheNodeIsFull_IsToldWhyAndWhenToRetry()
    {
        await using var server = await BabelcastTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Babelcast:Capacity:MaxSpeakingSessions"] = "1",
        });
        await using var first = await SignedInAsync(server);
        await first.Page.ClickAsync("#create");
        await first.Page.Locator("#live").WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = (float)Quick.TotalMilliseconds });
        await first.Page.ClickAsync("#mic-start");
        await first.Page.WaitForFunctionAsync("window.babelcast.framesSent > 5", null, new() { Timeout = (float)Quick.TotalMilliseconds });

        await using var second = await SignedInAsync(server);
        await second.Page.ClickAsync("#create");
        var error = second.Page.Locator("#create-error");
        await second.Page.WaitForFunctionAsync("document.getElementById('create-error').textContent.length > 0", null, new() { Timeout = (float)Quick.TotalMilliseconds });

        var text = await error.InnerTextAsync();
        Assert.Contains("at capacity", text, StringComparison.Ordinal);
        Assert.Matches(@"try again in \d+ s", text);
        Assert.False(await second.Page.Locator("#live").IsVisibleAsync());
        await Artifacts.ScreenshotAsync(second.Page, "capacity-refused");
        Assert.True(await first.Page.EvaluateAsync<bool>("window.babelcast.framesSent > 5"));
    }

    private async Task<SignedInPage> SignedInAsync(BabelcastTestServer server)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseUri.ToString(),
            BypassCSP = true, // for the test's predicate strings; ContentSecurityPolicyTests checks the pages under the policy
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.FillAsync("#username", "admin");
        await page.FillAsync("#password", BabelcastTestServer.AdminPassword);
        await page.ClickAsync("#signin-submit");
        await page.Locator("#create").WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = (float)Quick.TotalMilliseconds });
        return new SignedInPage(context, page);
    }

    private sealed record SignedInPage(IBrowserContext Context, IPage Page) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => new(Context.CloseAsync());
    }
}
