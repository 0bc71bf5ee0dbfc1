using Microsoft.Playwright;

namespace Babelcast.EndToEnd.Tests;

/// <summary>
/// The pages under the server's real Content-Security-Policy (no bypass): a speaker signs in, creates a session and
/// goes live; a phone listener joins it. Chromium reports every blocked script, style or connection as a console
/// error, so the test fails on any violation. Waits use locators only: predicate strings would need eval.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task SpeakerAndListenerPages_UnderTheServersPolicy_WorkWithoutViolations()
    {
        var violations = new List<string>();
        await using var speakerContext = await fixture.NewDesktopContextAsync(enforceCsp: true);
        var speaker = await speakerContext.NewPageAsync();
        Watch(speaker, violations);
        await speaker.GotoAsync("/");
        await speaker.FillAsync("#username", "admin");
        await speaker.FillAsync("#password", Babelcast.Testing.Host.BabelcastTestServer.AdminPassword);
        await speaker.ClickAsync("#signin-submit");
        await speaker.ClickAsync("#create");
        await speaker.Locator("#live").WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 15_000 });
        var sessionId = (await speaker.Locator("#session-id").InnerTextAsync()).Trim();
        Assert.Matches("^[a-z]+-[a-z]+-[0-9]{3}$", sessionId);

        await using var listenerContext = await fixture.NewPhoneContextAsync(enforceCsp: true);
        var listener = await listenerContext.NewPageAsync();
        Watch(listener, violations);
        await listener.GotoAsync("/join/" + sessionId);
        await listener.ClickAsync("#start");
        await listener.Locator("#live").WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 15_000 });

        Assert.Empty(violations);
    }

    private static void Watch(IPage page, List<string> violations)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                lock (violations)
                {
                    violations.Add(message.Text);
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (violations)
            {
                violations.Add("page error: " + error);
            }
        };
    }
}
