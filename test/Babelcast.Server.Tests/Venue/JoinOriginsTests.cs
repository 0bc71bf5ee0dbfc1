using System.Net;
using Babelcast.Server.Hosting;
using Babelcast.Server.Venue;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace Babelcast.Server.Tests.Venue;

/// <summary>The order and filtering of join origins, with synthetic bindings and addresses (no server, no network).</summary>
public sealed class JoinOriginsTests
{
    private static readonly string[] Lan = ["192.168.1.23", "2001:db8::23"];

    [Theory]
    [InlineData("http://0.0.0.0:5080", new[] { "http://192.168.1.23:5080" })]
    [InlineData("http://[::]:5080", new[] { "http://192.168.1.23:5080", "http://[2001:db8::23]:5080" })]
    [InlineData("http://[2001:db8::23]:5080", new[] { "http://[2001:db8::23]:5080" })]
    [InlineData("http://127.0.0.1:5080", new[] { "http://192.168.1.23:5080", "http://[2001:db8::23]:5080" })]
    public void Candidates_LoopbackRequest_LanAddressesTheServerListensOn(string bound, string[] expected)
    {
        using var server = new BoundServer(bound);
        var origins = Create(server, Lan).Candidates(Request("127.0.0.1", 5080));

        Assert.Equal(expected, origins.Select(o => o.Origin));
        Assert.All(origins, o => Assert.Equal(JoinOrigin.Lan, o.Kind));
    }

    [Fact]
    public void Candidates_SpeakerPageOverHttps_LanLinksUseThePlainHttpPort()
    {
        using var server = new BoundServer("http://0.0.0.0:5080", "https://0.0.0.0:5443");
        var request = Request("127.0.0.1", 5443);
        request.Scheme = "https";

        var origins = Create(server, Lan).Candidates(request);

        Assert.Equal(["http://192.168.1.23:5080"], origins.Select(o => o.Origin));
    }

    [Fact]
    public void Candidates_SpeakerPageOverHttpsOnALanAddress_ThatAddressOverPlainHttp()
    {
        using var server = new BoundServer("http://0.0.0.0:5080", "https://0.0.0.0:5443");
        var request = Request("192.168.1.23", 5443, local: IPAddress.Parse("192.168.1.23"));
        request.Scheme = "https";

        var origins = Create(server, Lan).Candidates(request);

        Assert.Equal([("http://192.168.1.23:5080", JoinOrigin.Request)], origins.Select(o => (o.Origin, o.Kind)));
    }

    [Fact]
    public void Candidates_HttpsOnlyServer_LanLinksKeepHttps()
    {
        using var server = new BoundServer("https://0.0.0.0:5443");
        var request = Request("127.0.0.1", 5443);
        request.Scheme = "https";

        var origins = Create(server, Lan).Candidates(request);

        Assert.Equal(["https://192.168.1.23:5443"], origins.Select(o => o.Origin));
    }

    [Fact]
    public void Candidates_PublicBaseUrl_FirstThenLan()
    {
        using var server = new BoundServer("http://0.0.0.0:5080");
        var origins = Create(server, Lan, "https://talks.example.org/live/").Candidates(Request("127.0.0.1", 5080));

        Assert.Equal([("https://talks.example.org/live", JoinOrigin.Configured), ("http://192.168.1.23:5080", JoinOrigin.Lan)],
            origins.Select(o => (o.Origin, o.Kind)));
    }

    [Fact]
    public void Candidates_RequestOnALanAddress_ThatFirstAndNotRepeated()
    {
        using var server = new BoundServer("http://[::]:5080");
        var origins = Create(server, Lan).Candidates(Request("[2001:db8::23]", 5080));

        Assert.Equal([("http://[2001:db8::23]:5080", JoinOrigin.Request), ("http://192.168.1.23:5080", JoinOrigin.Lan)],
            origins.Select(o => (o.Origin, o.Kind)));
    }

    [Fact]
    public void Candidates_ForeignHostAndNoLan_TheAddressTheConnectionArrivedOn()
    {
        var request = Request("evil.example", 6666, local: IPAddress.Parse("10.9.8.7"), localPort: 5080);

        using var server = new BoundServer("http://0.0.0.0:5080");
        var origins = Create(server, []).Candidates(request);

        Assert.Equal([("http://10.9.8.7:5080", JoinOrigin.Local)], origins.Select(o => (o.Origin, o.Kind)));
    }

    [Fact]
    public void Candidates_ConnectionArrivedOnTheHostsAddress_Trusted()
    {
        var request = Request("10.9.8.7", 5080, local: IPAddress.Parse("::ffff:10.9.8.7"), localPort: 5080);

        using var server = new BoundServer("http://0.0.0.0:5080");
        var origins = Create(server, []).Candidates(request);

        Assert.Equal([("http://10.9.8.7:5080", JoinOrigin.Request)], origins.Select(o => (o.Origin, o.Kind)));
    }

    [Fact]
    public void Candidates_PathBase_KeptOnEveryOrigin()
    {
        var request = Request("127.0.0.1", 5080);
        request.PathBase = "/babelcast";

        using var server = new BoundServer("http://0.0.0.0:5080");
        var origins = Create(server, Lan).Candidates(request);

        Assert.Equal(["http://192.168.1.23:5080/babelcast"], origins.Select(o => o.Origin));
    }

    [Fact]
    public void Find_ListedOriginAnyCaseOrSlash_FoundElseNull()
    {
        using var server = new BoundServer("http://[::]:5080");
        var origins = Create(server, Lan);
        var request = Request("localhost", 5080);

        Assert.Equal(JoinOrigin.Lan, origins.Find(request, "HTTP://[2001:DB8::23]:5080/")?.Kind);
        Assert.Null(origins.Find(request, "http://[2001:db8::24]:5080"));
        Assert.Null(origins.Find(request, "http://localhost:5080"));
    }

    private static JoinOrigins Create(BoundServer server, string[] lan, string? publicBaseUrl = null)
    {
        var addresses = new FixedLanAddresses(lan);
        var options = new StaticOptionsMonitor<BabelcastOptions>(new BabelcastOptions { PublicBaseUrl = publicBaseUrl });
        var trust = new RequestHostTrust(addresses, options, new StaticOptionsMonitor<HostFilteringOptions>(new HostFilteringOptions()), new MachineHostName("venue-laptop"));
        return new JoinOrigins(addresses, trust, options, server, TimeProvider.System, NullLogger<JoinOrigins>.Instance);
    }

    private static HttpRequest Request(string host, int port, IPAddress? local = null, int localPort = 0)
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "http";
        context.Request.Host = new HostString(host, port);
        context.Connection.LocalIpAddress = local ?? IPAddress.Loopback;
        context.Connection.LocalPort = localPort == 0 ? port : localPort;
        return context.Request;
    }
}
