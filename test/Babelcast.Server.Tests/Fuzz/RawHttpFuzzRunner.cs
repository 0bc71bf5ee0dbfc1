using System.Net;
using System.Text;
using System.Text.Json;
using Babelcast.Core.Protocol;
using Babelcast.Server.Tests.Hardening;
using Xunit.Abstractions;

namespace Babelcast.Server.Tests.Fuzz;

/// <summary>
/// Sends cases over a raw TCP exchange, for bodies the server refuses before reading them all (HttpClient may fail
/// when the answer comes while it still writes) and for bodies HttpClient cannot send (malformed chunking).
/// </summary>
internal static class RawHttpFuzzRunner
{
    /// <summary>How a case's body goes on the wire.</summary>
    public enum Framing
    {
        ContentLength,
        Chunked,
        AsIs,
    }

    public static async Task RunAsync(FuzzServerFixture fx, ITestOutputHelper output, string category, IReadOnlyList<(HttpCase Case, Framing Framing)> cases)
    {
        Assert.NotEmpty(cases);
        output.WriteLine($"{category}: {cases.Count} cases");
        var failures = new List<string>();
        foreach (var (c, framing) in cases)
        {
            var failure = await CheckAsync(fx, c, framing);
            if (failure is not null)
            {
                failures.Add($"{c} {framing}: {failure}");
            }
        }

        Assert.True(failures.Count == 0, $"{category}: {failures.Count} of {cases.Count} cases failed:\n" + string.Join("\n", failures));
        await fx.AssertControlAsync(category);
    }

    private static async Task<string?> CheckAsync(FuzzServerFixture fx, HttpCase c, Framing framing)
    {
        var head = new StringBuilder($"{c.Method.Method} {c.Path} HTTP/1.1\r\nHost: {fx.Server.BaseUri.Authority}\r\n");
        if (c.Token is not null)
        {
            head.Append("Authorization: Bearer ").Append(c.Token).Append("\r\n");
        }

        if (c.ContentType is not null)
        {
            head.Append("Content-Type: ").Append(c.ContentType).Append("\r\n");
        }

        var body = c.Body ?? [];
        switch (framing)
        {
            case Framing.ContentLength:
                head.Append("Content-Length: ").Append(body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("\r\n");
                break;
            case Framing.Chunked:
                head.Append("Transfer-Encoding: chunked\r\n");
                body = Chunk(body, 4096);
                break;
            default:
                head.Append("Transfer-Encoding: chunked\r\n");
                break;
        }

        var response = await RawHttp.SendAsync(fx.Server.BaseUri, head.ToString(), body);
        var shown = response.Body.Length > 300 ? response.Body[..300] : response.Body;
        if (response.Status != (int)c.Status)
        {
            return $"expected {(int)c.Status} {c.Code}, got {response.Status}: {shown}";
        }

        if (response.Header("Content-Type")?.StartsWith("application/problem+json", StringComparison.Ordinal) != true)
        {
            return $"expected a problem, got {response.Header("Content-Type")}: {shown}";
        }

        try
        {
            using var doc = JsonDocument.Parse(response.Body);
            var code = doc.RootElement.TryGetProperty("code", out var value) ? value.GetString() : null;
            return code == c.Code ? null : $"expected code {c.Code}, got {code}: {shown}";
        }
        catch (JsonException ex)
        {
            return $"problem body is not JSON ({ex.Message}): {shown}";
        }
    }

    private static byte[] Chunk(byte[] data, int size)
    {
        using var ms = new MemoryStream();
        for (var i = 0; i < data.Length; i += size)
        {
            var n = Math.Min(size, data.Length - i);
            ms.Write(Encoding.ASCII.GetBytes(n.ToString("x", System.Globalization.CultureInfo.InvariantCulture) + "\r\n"));
            ms.Write(data, i, n);
            ms.Write("\r\n"u8);
        }

        ms.Write("0\r\n\r\n"u8);
        return ms.ToArray();
    }

    /// <summary>Chunked bodies whose framing is broken: the body cannot be read.</summary>
    public static IReadOnlyList<(HttpCase Case, Framing Framing)> MalformedChunking(FuzzServerFixture fx)
    {
        var routes = new (string Name, HttpMethod Method, string Path, string? Token)[]
        {
            ("token", HttpMethod.Post, "/api/auth/token", null),
            ("create", HttpMethod.Post, "/api/sessions", fx.OwnerToken),
            ("patch", HttpMethod.Patch, $"/api/sessions/{fx.TargetSessionId}", fx.OwnerToken),
        };
        var bodies = new (string Name, string Wire)[]
        {
            ("notHex", "ZZ\r\n{\"status\":\"paused\"}\r\n0\r\n\r\n"),
            ("negative", "-5\r\n{}\r\n0\r\n\r\n"),
            ("sizeTooSmall", "2\r\n{\"status\":\"paused\"}\r\n0\r\n\r\n"),
            ("noCrLf", "13{\"status\":\"paused\"}0\r\n\r\n"),
            ("sizeWithSpaceInside", "1 3\r\n{\"status\":\"paused\"}\r\n0\r\n\r\n"),
            ("sizeOverflows", "FFFFFFFFFFFFFFFFFFFF\r\n{}\r\n0\r\n\r\n"),
        };
        var cases = new List<(HttpCase, Framing)>();
        foreach (var (name, method, path, token) in routes)
        {
            foreach (var (body, wire) in bodies)
            {
                cases.Add((new HttpCase($"{name}/{body}", method, path, HttpStatusCode.BadRequest, ErrorCodes.MalformedRequest, token, Encoding.ASCII.GetBytes(wire)), Framing.AsIs));
            }
        }

        return cases;
    }
}
