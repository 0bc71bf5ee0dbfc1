using System.Net;

namespace Babelcast.Server.Tests.Venue;

/// <summary>Join links under the settings that change them: no LAN at all, AllowedHosts, PublicBaseUrl.</summary>
public sealed class JoinLinkSettingsTests
{
    [Fact]
    public async Task JoinUrl_NoLanAddress_LoopbackIsAllThereIs()
    {
        await using var server = await VenueServerFixture.StartAsync(new Dictionary<string, string?> { ["Babelcast:PublicBaseUrl"] = "" });
        var id = await server.CreateSessionAsync(await server.GetTokenAsync());

        Assert.Equal(new Uri(server.BaseUri, "/join/" + id).ToString(), await VenueServerFixture.JoinUrlAsync(server, id));
        Assert.Equal($"http://127.0.0.1:{server.BaseUri.Port}/join/{id}", await VenueServerFixture.JoinUrlAsync(server, id, "evil.example"));
    }

    [Fact]
    public async Task JoinUrl_AllowedHostsConfigured_ItsHostsTrustedOthersRefused()
    {
        await using var server = await VenueServerFixture.StartAsync(
            new Dictionary<string, string?> { ["AllowedHosts"] = "*.venue.example;127.0.0.1", ["Babelcast:PublicBaseUrl"] = "" },
            VenueServerFixture.LanV4);
        var id = await server.CreateSessionAsync(await server.GetTokenAsync());

        Assert.Equal($"http://hall.venue.example/join/{id}", await VenueServerFixture.JoinUrlAsync(server, id, "hall.venue.example"));
        using var refused = await VenueServerFixture.GetAsync(server, "/api/sessions/" + id, "evil.example");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("192.0.2.10")]
    [InlineData("venue-laptop")]
    public async Task JoinUrl_PublicBaseUrl_WinsOverEveryHost(string? host)
    {
        await using var server = await VenueServerFixture.StartAsync(
            new Dictionary<string, string?> { ["Babelcast:PublicBaseUrl"] = "https://talks.example.org/live/" }, VenueServerFixture.LanV4);
        var id = await server.CreateSessionAsync(await server.GetTokenAsync());

        Assert.Equal($"https://talks.example.org/live/join/{id}", await VenueServerFixture.JoinUrlAsync(server, id, host));
    }
}
