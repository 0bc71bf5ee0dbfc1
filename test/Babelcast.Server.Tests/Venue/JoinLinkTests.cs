using System.Net;
using Babelcast.Core.Protocol;
using Babelcast.Server.Tests.Http;

namespace Babelcast.Server.Tests.Venue;

/// <summary>Join links and QR codes on a server with LAN addresses: never loopback, never a foreign Host.</summary>
[Collection(VenueServerCollection.Name)]
public sealed class JoinLinkTests(VenueServerFixture fixture)
{
    private const int UntrustedHostEventId = 1700;

    private string Lan4 => $"http://{VenueServerFixture.LanV4}:{fixture.Port}";

    [Theory]
    [InlineData(null)]
    [InlineData("localhost:{port}")]
    [InlineData("[::1]:{port}")]
    [InlineData("127.0.0.2:{port}")]
    public async Task JoinUrl_LoopbackRequest_FirstLanAddressWithTheRequestsPort(string? host)
    {
        var joinUrl = await VenueServerFixture.JoinUrlAsync(fixture.Server, fixture.SessionId, host?.Replace("{port}", fixture.Port.ToString(), StringComparison.Ordinal));

        Assert.Equal($"{Lan4}/join/{fixture.SessionId}", joinUrl);
    }

    [Theory]
    [InlineData("venue-laptop:{port}", "http://venue-laptop:{port}")]
    [InlineData("VENUE-LAPTOP.local:{port}", "http://VENUE-LAPTOP.local:{port}")]
    [InlineData("[2001:db8::10]:{port}", "http://[2001:db8::10]:{port}")]
    [InlineData("192.0.2.10", "http://192.0.2.10")]
    public async Task JoinUrl_HostNamesThisMachine_KeptAsSent(string host, string origin)
    {
        var port = fixture.Port.ToString();

        var joinUrl = await VenueServerFixture.JoinUrlAsync(fixture.Server, fixture.SessionId, host.Replace("{port}", port, StringComparison.Ordinal));

        Assert.Equal(origin.Replace("{port}", port, StringComparison.Ordinal) + "/join/" + fixture.SessionId, joinUrl);
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:6666")]
    [InlineData("venue-laptop.evil.example")]
    [InlineData("198.51.100.66:80")]
    public async Task JoinUrl_ForeignHost_LanAddressWithTheRealPortAndLogged(string host)
    {
        var before = fixture.Logs.GetSnapshot().Count(r => r.Id.Id == UntrustedHostEventId);

        var joinUrl = await VenueServerFixture.JoinUrlAsync(fixture.Server, fixture.SessionId, host);

        Assert.Equal($"{Lan4}/join/{fixture.SessionId}", joinUrl);
        Assert.DoesNotContain(host.Split(':')[0], joinUrl, StringComparison.Ordinal);
        var logged = fixture.Logs.GetSnapshot().Where(r => r.Id.Id == UntrustedHostEventId).ToList();
        Assert.NotEmpty(logged);
        Assert.True(logged.Count == before || logged.Count == before + 1, "at most one warning per request, throttled");
    }

    [Fact]
    public async Task Qr_NoOrigin_SameCodeAsTheDefaultOriginAndOtherThanTheSecond()
    {
        var path = $"/api/sessions/{fixture.SessionId}/qr.svg";

        var byDefault = await SvgAsync(path);
        var chosenDefault = await SvgAsync(path + "?origin=" + Uri.EscapeDataString(Lan4));
        var withSlash = await SvgAsync(path + "?origin=" + Uri.EscapeDataString(Lan4 + "/"));
        var second = await SvgAsync(path + "?origin=" + Uri.EscapeDataString($"http://[{VenueServerFixture.LanV6}]:{fixture.Port}"));

        Assert.Equal(byDefault, chosenDefault);
        Assert.Equal(byDefault, withSlash);
        Assert.NotEqual(byDefault, second);
    }

    [Theory]
    [InlineData("http://evil.example")]
    [InlineData("http://192.0.2.10:1")]
    [InlineData("https://192.0.2.10:{port}")]
    [InlineData("http://127.0.0.1:{port}")]
    [InlineData("")]
    [InlineData("javascript:alert(1)")]
    public async Task Qr_OriginOutsideTheListedSet_400(string origin)
    {
        var value = Uri.EscapeDataString(origin.Replace("{port}", fixture.Port.ToString(), StringComparison.Ordinal));

        using var response = await VenueServerFixture.GetAsync(fixture.Server, $"/api/sessions/{fixture.SessionId}/qr.svg?origin={value}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
    }

    [Fact]
    public async Task Addresses_Speaker_DefaultFirstThenEveryLanAddressAndLoopbackBinding()
    {
        using var response = await VenueServerFixture.GetAsync(fixture.Server, "/api/server/addresses", token: fixture.Token);

        var body = await ProblemAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal(Lan4, body.GetProperty("defaultOrigin").GetString());
        var origins = body.GetProperty("origins").EnumerateArray()
            .Select(o => (o.GetProperty("origin").GetString(), o.GetProperty("kind").GetString())).ToList();
        Assert.Equal([(Lan4, "lan"), ($"http://[{VenueServerFixture.LanV6}]:{fixture.Port}", "lan")], origins);
        Assert.False(body.GetProperty("listensOnLan").GetBoolean());
    }

    [Fact]
    public async Task Addresses_RequestFromTheHostName_ThatOriginFirst()
    {
        using var response = await VenueServerFixture.GetAsync(fixture.Server, "/api/server/addresses", $"venue-laptop:{fixture.Port}", fixture.Token);

        var body = await ProblemAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal($"http://venue-laptop:{fixture.Port}", body.GetProperty("defaultOrigin").GetString());
        Assert.Equal(["request", "lan", "lan"], body.GetProperty("origins").EnumerateArray().Select(o => o.GetProperty("kind").GetString()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-token")]
    public async Task Addresses_NotSignedIn_401(string? token)
    {
        using var response = await VenueServerFixture.GetAsync(fixture.Server, "/api/server/addresses", token: token);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
    }

    private async Task<string> SvgAsync(string path)
    {
        using var response = await VenueServerFixture.GetAsync(fixture.Server, path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return body;
    }
}
