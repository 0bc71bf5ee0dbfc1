using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Babelcast.Core.Protocol;
using Babelcast.Server.Tests.Http;

namespace Babelcast.Server.Tests.Hardening;

/// <summary>Hostile HTTP input: huge headers, oversized or malformed bodies, ids with a trailing newline.</summary>
[Collection(HttpServerCollection.Name)]
public sealed class HttpInputTests(HttpServerFixture fixture)
{
    [Theory]
    [InlineData(300)]
    [InlineData(3000)]
    public async Task Qr_HostHeaderLongerThanAHostName_ProblemNot500(int length)
    {
        var id = await fixture.Server.CreateSessionAsync(fixture.AdminToken);
        var host = new string('a', length);

        var response = await RawHttp.SendAsync(fixture.Server.BaseUri, $"GET /api/sessions/{id}/qr.svg HTTP/1.1\r\nHost: {host}");

        Assert.Equal(400, response.Status);
        AssertProblem(response, ErrorCodes.InvalidHost);
    }

    [Fact]
    public async Task Qr_LongestAllowedHost_JoinLinkFitsTheCode()
    {
        var id = await fixture.Server.CreateSessionAsync(fixture.AdminToken);
        var host = string.Join('.', Enumerable.Repeat(new string('b', 62), 4)) + ":65535";

        var response = await RawHttp.SendAsync(fixture.Server.BaseUri, $"GET /api/sessions/{id}/qr.svg HTTP/1.1\r\nHost: {host}");

        Assert.Equal(200, response.Status);
        Assert.StartsWith("image/svg+xml", response.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Contains("</svg>", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyRoute_HeadersOver16KiB_RefusedByKestrel()
    {
        var padding = new string('p', 40 * 1024);

        var response = await RawHttp.SendAsync(fixture.Server.BaseUri, $"GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Padding: {padding}");

        Assert.Equal(431, response.Status);
    }

    [Fact]
    public async Task CreateSession_ChunkedBodyOver64KiB_413AndNoSession()
    {
        var before = await CountSessionsAsync();
        var json = Encoding.UTF8.GetBytes("{\"sourceLanguage\":\"en\",\"padding\":\"" + new string('x', 300_000) + "\"}");
        var body = Chunked(json, 4096);

        var response = await RawHttp.SendAsync(fixture.Server.BaseUri, CreateHead("Transfer-Encoding: chunked"), body);

        Assert.Equal(413, response.Status);
        AssertProblem(response, ErrorCodes.RequestTooLarge);
        Assert.Equal(before, await CountSessionsAsync());
    }

    [Fact]
    public async Task CreateSession_ContentLengthOver64KiB_413()
    {
        var json = Encoding.UTF8.GetBytes("{\"sourceLanguage\":\"en\",\"padding\":\"" + new string('x', 70_000) + "\"}");

        var response = await RawHttp.SendAsync(fixture.Server.BaseUri, CreateHead($"Content-Length: {json.Length}"), json);

        Assert.Equal(413, response.Status);
        AssertProblem(response, ErrorCodes.RequestTooLarge);
    }

    [Fact]
    public async Task CreateSession_MalformedChunkedBody_400Problem()
    {
        var body = Encoding.ASCII.GetBytes("ZZ\r\n{\"sourceLanguage\":\"en\"}\r\n0\r\n\r\n");

        var response = await RawHttp.SendAsync(fixture.Server.BaseUri, CreateHead("Transfer-Encoding: chunked"), body);

        Assert.Equal(400, response.Status);
        AssertProblem(response, ErrorCodes.MalformedRequest);
    }

    [Fact]
    public async Task CreateSession_SmallChunkedBody_Created()
    {
        var body = Chunked(Encoding.UTF8.GetBytes("{\"sourceLanguage\":\"en\"}"), 5);

        var response = await RawHttp.SendAsync(fixture.Server.BaseUri, CreateHead("Transfer-Encoding: chunked"), body);

        Assert.Equal(201, response.Status);
    }

    [Fact]
    public async Task SessionRoutes_IdWithTrailingNewline_InvalidSessionId()
    {
        var id = await fixture.Server.CreateSessionAsync(fixture.AdminToken);
        using var client = fixture.Client(fixture.AdminToken);
        var bad = id + "%0A";

        using var get = await client.GetAsync($"/api/sessions/{bad}");
        await ProblemAssert.IsProblemAsync(get, HttpStatusCode.BadRequest, ErrorCodes.InvalidSessionId);
        using var qr = await client.GetAsync($"/api/sessions/{bad}/qr.svg");
        await ProblemAssert.IsProblemAsync(qr, HttpStatusCode.BadRequest, ErrorCodes.InvalidSessionId);
        using var transcript = await client.GetAsync($"/api/sessions/{bad}/transcript");
        await ProblemAssert.IsProblemAsync(transcript, HttpStatusCode.BadRequest, ErrorCodes.InvalidSessionId);
        using var audio = await client.GetAsync($"/api/sessions/{bad}/audio/1?targetLanguage=es");
        await ProblemAssert.IsProblemAsync(audio, HttpStatusCode.BadRequest, ErrorCodes.InvalidSessionId);
        using var patch = await client.PatchAsJsonAsync($"/api/sessions/{bad}", new { status = "paused" });
        await ProblemAssert.IsProblemAsync(patch, HttpStatusCode.BadRequest, ErrorCodes.InvalidSessionId);
        using var delete = await client.DeleteAsync($"/api/sessions/{bad}");
        await ProblemAssert.IsProblemAsync(delete, HttpStatusCode.BadRequest, ErrorCodes.InvalidSessionId);

        using var still = await client.GetAsync($"/api/sessions/{id}");
        var view = await ProblemAssert.JsonAsync(still, HttpStatusCode.OK);
        Assert.Equal("active", view.GetProperty("status").GetString());
    }

    private string CreateHead(string framing) =>
        $"POST /api/sessions HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {fixture.AdminToken}\r\nContent-Type: application/json\r\n{framing}";

    private static byte[] Chunked(byte[] data, int chunk)
    {
        using var ms = new MemoryStream();
        for (var i = 0; i < data.Length; i += chunk)
        {
            var n = Math.Min(chunk, data.Length - i);
            ms.Write(Encoding.ASCII.GetBytes(n.ToString("x", System.Globalization.CultureInfo.InvariantCulture) + "\r\n"));
            ms.Write(data, i, n);
            ms.Write("\r\n"u8);
        }

        ms.Write("0\r\n\r\n"u8);
        return ms.ToArray();
    }

    private async Task<int> CountSessionsAsync()
    {
        using var client = fixture.Client(fixture.AdminToken);
        using var doc = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/sessions", UriKind.Relative)));
        return doc.RootElement.GetProperty("sessions").GetArrayLength();
    }

    internal static void AssertProblem(RawHttp.Response response, string code)
    {
        Assert.StartsWith("application/problem+json", response.Header("Content-Type"), StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(response.Body);
        Assert.Equal(code, doc.RootElement.GetProperty("code").GetString());
        Assert.Equal(response.Status, doc.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(doc.RootElement.GetProperty("detail").GetString()));
    }
}
