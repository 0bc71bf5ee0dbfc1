using Babelcast.Server.Tests.Http;

namespace Babelcast.Server.Tests.Hardening;

/// <summary>
/// Request lines Kestrel refuses while parsing, before any middleware runs (so no problem body can be written):
/// a NUL in the path and a request line over Kestrel's limit. Pinned so that a change of behaviour is noticed, and the
/// server goes on serving the next request.
/// </summary>
[Collection(HttpServerCollection.Name)]
public sealed class RequestLineRejectionTests(HttpServerFixture fixture)
{
    [Theory]
    [InlineData("/api/sessions/%00")]
    [InlineData("/api/languages%00")]
    [InlineData("/%00")]
    public async Task AnyRoute_NulInPath_BareKestrel400(string path)
    {
        var response = await RawHttp.SendAsync(fixture.Server.BaseUri, $"GET {path} HTTP/1.1\r\nHost: localhost");

        Assert.Equal(400, response.Status);
        Assert.Equal(string.Empty, response.Body);
        Assert.Null(response.Header("Content-Type"));
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task AnyRoute_RequestLineOverKestrelsLimit_BareKestrel414()
    {
        var path = "/api/sessions/" + new string('a', 9000);

        var response = await RawHttp.SendAsync(fixture.Server.BaseUri, $"GET {path} HTTP/1.1\r\nHost: localhost");

        Assert.Equal(414, response.Status);
        Assert.Equal(string.Empty, response.Body);
        Assert.Null(response.Header("Content-Type"));
        await AssertStillServingAsync();
    }

    private async Task AssertStillServingAsync()
    {
        var response = await RawHttp.SendAsync(fixture.Server.BaseUri, "GET /api/languages HTTP/1.1\r\nHost: localhost");
        Assert.Equal(200, response.Status);
    }
}
