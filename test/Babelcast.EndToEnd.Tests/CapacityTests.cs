using Microsoft.Extensions.DependencyInjection;
using Babelcast.Testing.Host;

namespace Babelcast.EndToEnd.Tests;

/// <summary>
/// A node at capacity in a real browser: while one speaker broadcasts on a node that carries one speaking session, a
/// second operator's "create session" is refused with the server's reason and a retry time, and no session view opens;
/// where creation is allowed, the second speaker's connection is refused inside the session view instead.
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
        await using var first = await SpeakerDriver.OpenAsync(fixture, server);
        await first.SignInAsync();
        await first.CreateSessionAsync();
        await first.StartMicrophoneAsync();

        await using var second = await SpeakerDriver.OpenAsync(fixture, server);
        await second.SignInAsync();
        await second.Page.ClickAsync("#create");
        await second.WaitAsync("document.getElementById('create-error').textContent.length > 0", Quick, "the refusal to be shown");

        var text = await second.Page.Locator("#create-error").InnerTextAsync();
        Assert.Contains("at capacity", text, StringComparison.Ordinal);
        Assert.Matches(@"try again in \d+ s", text);
        Assert.False(await second.Page.Locator("#live").IsVisibleAsync());
        await Artifacts.ScreenshotAsync(second.Page, "capacity-refused");
        Assert.True(await first.Page.EvaluateAsync<bool>("window.babelcast.framesSent > 5"));
    }

    [Fact]
    public async Task SecondSpeaker_ConnectingToAFullNode_IsToldTheSessionIsKeptAndDoesNotRetryByItself()
    {
        await using var server = await BabelcastTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Babelcast:Capacity:MaxSpeakingSessions"] = "1",
            ["Babelcast:Capacity:RefuseSessionCreation"] = "false",
        });
        await using var first = await SpeakerDriver.OpenAsync(fixture, server);
        await first.SignInAsync();
        await first.CreateSessionAsync();
        await first.StartMicrophoneAsync();

        await using var second = await SpeakerDriver.OpenAsync(fixture, server);
        await second.SignInAsync();
        await second.Page.ClickAsync("#create");
        await second.WaitAsync("window.babelcast.state === 'closed'", Quick, "the speaker socket to be refused");
        await second.WaitAsync(
            "[...document.querySelectorAll('#banners [data-banner=connection]')].some(b => b.textContent.includes('session is kept'))",
            Quick, "the capacity banner");

        var banner = await second.Page.Locator("#banners [data-banner=connection]").InnerTextAsync();
        Assert.Contains("capacity", banner, StringComparison.Ordinal);
        Assert.Contains("session is kept", banner, StringComparison.Ordinal);
        Assert.True(await second.Page.Locator("#banners [data-banner=connection] button.banner-action").IsVisibleAsync());
        Assert.True(await second.Page.Locator("#live").IsVisibleAsync());
        await Artifacts.ScreenshotAsync(second.Page, "capacity-refused-in-session");

        // No automatic retry: the page stays closed while the node is full, and the first speaker is untouched.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal("closed", await second.Page.EvaluateAsync<string>("window.babelcast.state"));
        Assert.True(await first.Page.EvaluateAsync<bool>("window.babelcast.framesSent > 5"));
        Assert.Equal("live", await first.Page.EvaluateAsync<string>("window.babelcast.state"));

        // "Try again" while the node is still full is refused again, with the button back; once the first session
        // ends, it connects.
        await second.Page.ClickAsync("#banners [data-banner=connection] button.banner-action");
        await second.WaitAsync(
            "window.babelcast.state === 'closed' && !!document.querySelector('#banners [data-banner=connection] button.banner-action')",
            Quick, "the second refusal");
        await first.Page.ClickAsync("#end");
        await first.Page.ClickAsync("#end-confirm");
        await first.WaitAsync("window.babelcast.state === 'ended'", Quick, "the first session to end");
        var speaking = server.Services.GetRequiredService<Babelcast.Server.Capacity.SpeakingSessions>();
        // The place is freed when the session has ended on the server (after its last phrase is recognised, which a
        // loaded machine can take tens of seconds over) and its speaker's socket has closed.
        using (var freed = new CancellationTokenSource(TimeSpan.FromSeconds(90)))
        {
            while (speaking.Count > 0)
            {
                await Task.Delay(50, freed.Token);
            }
        }

        await second.Page.ClickAsync("#banners [data-banner=connection] button.banner-action");
        await second.WaitAsync("window.babelcast.state === 'live'", Quick, "the retried connection");
        Assert.Equal(0, await second.Page.Locator("#banners [data-banner=connection]").CountAsync());
    }
}
