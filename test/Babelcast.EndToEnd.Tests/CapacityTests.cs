using Babelcast.Testing.Host;

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
}
