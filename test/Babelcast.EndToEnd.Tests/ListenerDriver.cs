using Microsoft.Playwright;

namespace Babelcast.EndToEnd.Tests;

/// <summary>The listener page (/join/{id}): choose a language, press Start listening, read captions and audio state.</summary>
public sealed class ListenerDriver : PageDriver
{
    private ListenerDriver(IBrowserContext context, IPage page, string name)
        : base(context, page, name)
    {
    }

    /// <param name="fixture">The browser and server of the test class.</param>
    /// <param name="sessionId">The session to join.</param>
    /// <param name="language">The caption language to pick.</param>
    /// <param name="phone">Whether to open the page in a phone-sized context.</param>
    /// <param name="uiLanguage">
    /// The page language stored on the device before the page loads ("en" by default, so that the tests may read the
    /// English banners); null leaves the page to its own choice (the browser's languages, then the caption language).
    /// </param>
    /// <param name="locale">The phone's locale (es-ES by default); the desktop context is en-US.</param>
    public static async Task<ListenerDriver> OpenAsync(
        BrowserFixture fixture, string sessionId, string language, bool phone, string? uiLanguage = "en", string? locale = null)
    {
        var context = phone ? await fixture.NewPhoneContextAsync(locale ?? "es-ES") : await fixture.NewDesktopContextAsync();
        if (uiLanguage is not null)
        {
            await context.AddInitScriptAsync($"try {{ localStorage.setItem('babelcast.uiLanguage', '{uiLanguage}'); }} catch {{ }}");
        }

        var page = await context.NewPageAsync();
        var driver = new ListenerDriver(context, page, "listener-" + language);
        await page.GotoAsync("/join/" + sessionId);
        await page.Locator("#start").WaitForAsync();
        return driver;
    }

    public async Task StartAsync(string language)
    {
        await Page.SelectOptionAsync("#setup-language", language);
        await Page.ClickAsync("#start");
        await WaitAsync("window.babelcast.state === 'live'", TimeSpan.FromSeconds(15), "the listener to join");
    }

    public async Task<IReadOnlyList<(int Seq, string Text)>> FinalCaptionsAsync()
    {
        var hooks = await HooksAsync();
        return hooks.GetProperty("finalCaptions").EnumerateArray()
            .Select(c => (c.GetProperty("seq").GetInt32(), c.GetProperty("text").GetString() ?? ""))
            .ToList();
    }

    public async Task<double> NumberAsync(string hook) => (await HooksAsync()).GetProperty(hook).GetDouble();

    public async Task<string> StringAsync(string hook) => (await HooksAsync()).GetProperty(hook).GetString() ?? "";

    public Task DropConnectionAsync() => Page.EvaluateAsync("window.babelcast.dropConnection()");
}
