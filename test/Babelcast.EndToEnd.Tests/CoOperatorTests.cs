using Babelcast.Core.Storage;
using Babelcast.Server.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Babelcast.EndToEnd.Tests;

/// <summary>
/// Co-operators in real browsers: the owner invites an account on the speaker page, its holder signs in in another
/// browser, opens the shared session as an operator console (no microphone controls), types a line, and a listener
/// reads it; removing the co-operator stops that console with a clear text.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class CoOperatorTests(BrowserFixture fixture)
{
    private static readonly TimeSpan Pipeline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(15);
    private const string Password = "co-operator-password-1";

    [Fact]
    public async Task Owner_InvitesCoOperator_WhoTypesALine_ListenerReadsIt_RemovedConsoleStops()
    {
        var username = $"desk-{Guid.NewGuid():N}"[..16];
        var users = fixture.Server.Services.GetRequiredService<IUserStore>();
        Assert.True(await users.TryCreateAsync(new UserRecord(username, PasswordHasher.Hash(Password), DateTimeOffset.UnixEpoch), CancellationToken.None));

        await using var owner = await SpeakerDriver.OpenAsync(fixture);
        await owner.SignInAsync();
        var sessionId = await owner.CreateSessionAsync("en");
        await owner.Page.Locator("#operators-panel").WaitForAsync();
        await owner.Page.FillAsync("#operator-username", username);
        await owner.Page.ClickAsync("#operator-invite");
        await owner.Page.Locator($"#operator-list li:has-text('{username}')").WaitForAsync(new() { Timeout = 15_000 });

        await using var listener = await ListenerDriver.OpenAsync(fixture, sessionId, "es", phone: true);
        await listener.StartAsync("es");

        // Another browser context: the co-operator's own sign-in, nothing shared with the owner's page.
        await using var desk = await SpeakerDriver.OpenAsync(fixture);
        await desk.SignInAsync(username, Password);
        await desk.Page.ClickAsync($"button[aria-label='Operate session {sessionId}']");
        await desk.WaitAsync("window.babelcast.role === 'operator' && window.babelcast.state === 'live'", Quick, "the operator console to connect");
        Assert.False(await desk.Page.IsVisibleAsync("#mic-start"));
        Assert.False(await desk.Page.IsVisibleAsync("#end"));
        Assert.False(await desk.Page.IsVisibleAsync("#glossary-panel"));
        Assert.True(await desk.Page.IsVisibleAsync("#operator-note"));
        Assert.True(await desk.Page.IsVisibleAsync("#script-panel"));

        await desk.Page.FillAsync("#typed-text", "Please stand for the reading.");
        await desk.Page.PressAsync("#typed-text", "Enter");
        await listener.WaitAsync("window.babelcast.finalCaptions.length >= 1", Pipeline, "the co-operator's typed line");
        await desk.Page.WaitForSelectorAsync("#captions p.final.typed", new() { Timeout = 60_000 });
        await owner.Page.WaitForSelectorAsync("#captions p.final.typed", new() { Timeout = 60_000 });
        Assert.Equal("live", await owner.Page.EvaluateAsync<string>("window.babelcast.state")); // not replaced
        Artifacts.PublishToDocImages(await Artifacts.ScreenshotAsync(desk.Page, "co-operator-console", fullPage: true), "co-operator-console");

        await owner.Page.ClickAsync($"button[aria-label='Remove co-operator {username}']");
        await desk.WaitAsync("document.querySelector('[data-banner=connection]')?.textContent.includes('removed you')", Quick, "the console to say it was removed");
        Assert.True(await desk.Page.IsDisabledAsync("#typed-send"));
        Assert.Equal("live", await owner.Page.EvaluateAsync<string>("window.babelcast.state"));
        Assert.Empty(owner.PageErrors.Concat(desk.PageErrors).Concat(listener.PageErrors));
    }
}
