using Babelcast.Testing;

namespace Babelcast.Server.Tests.Venue;

[Collection(VenueServerCollection.Name)]
public sealed class StartupBannerTests(VenueServerFixture fixture)
{
    private const int SpeakerAddressEventId = 1320;
    private const int LoopbackOnlyEventId = 1323;

    [Fact]
    public async Task Start_BoundToLoopback_PrintsTheSpeakerPageAndHowToServeTheLan()
    {
        var speaker = await fixture.Logs.WaitForAsync(r => r.Id.Id == SpeakerAddressEventId, TimeSpan.FromSeconds(5));
        var loopbackOnly = await fixture.Logs.WaitForAsync(r => r.Id.Id == LoopbackOnlyEventId, TimeSpan.FromSeconds(5));

        Assert.Contains($"Speaker: http://127.0.0.1:{fixture.Port}/", speaker.Message, StringComparison.Ordinal);
        Assert.Contains($"--urls http://0.0.0.0:{fixture.Port}", loopbackOnly.Message, StringComparison.Ordinal);
        Assert.Contains("BABELCAST_URL", loopbackOnly.Message, StringComparison.Ordinal);
    }
}
