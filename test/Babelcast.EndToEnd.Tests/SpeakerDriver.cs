using Babelcast.Testing.Host;
using Microsoft.Playwright;

namespace Babelcast.EndToEnd.Tests;

/// <summary>The speaker page (/), driven the way a person would: sign in, create a session, start the microphone.</summary>
public sealed class SpeakerDriver : PageDriver
{
    private SpeakerDriver(IBrowserContext context, IPage page)
        : base(context, page, "speaker")
    {
    }

    /// <summary>Opens the page on the fixture's server, or on <paramref name="server"/> (a test's own configuration).</summary>
    public static async Task<SpeakerDriver> OpenAsync(BrowserFixture fixture, BabelcastTestServer? server = null)
    {
        var context = await fixture.NewDesktopContextAsync(baseUri: server?.BaseUri);
        var page = await context.NewPageAsync();
        var driver = new SpeakerDriver(context, page);
        await page.GotoAsync("/");
        await page.Locator("#signin").WaitForAsync();
        return driver;
    }

    public async Task SignInAsync(string username = "admin", string password = BabelcastTestServer.AdminPassword)
    {
        await Page.FillAsync("#username", username);
        await Page.FillAsync("#password", password);
        await Page.ClickAsync("#signin-submit");
        await Page.Locator("#create").WaitForAsync();
    }

    public async Task<string> CreateSessionAsync(string sourceLanguage = "en")
    {
        await Page.Locator("#source-language option[value='" + sourceLanguage + "']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Page.SelectOptionAsync("#source-language", sourceLanguage);
        await Page.ClickAsync("#create");
        await WaitAsync("window.babelcast.state === 'live'", TimeSpan.FromSeconds(15), "the speaker socket to connect");
        return (await HooksAsync()).GetProperty("sessionId").GetString()!;
    }

    /// <summary>Starts capture (Chromium's fake microphone plays the test WAV) and waits for the first frames to go out.</summary>
    public async Task StartMicrophoneAsync()
    {
        await Page.ClickAsync("#mic-start");
        await WaitAsync("window.babelcast.framesSent > 5", TimeSpan.FromSeconds(15), "audio frames to be sent");
    }
}
