using System.Text.RegularExpressions;

namespace Babelcast.Server.Tests.Hardening;

/// <summary>Every kind of response carries the security headers, and the pages need nothing the policy forbids.</summary>
public sealed partial class SecurityHeaderTests(PagesServerFixture fixture) : IClassFixture<PagesServerFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/index.html")]
    [InlineData("/join/happy-otter-123")]
    [InlineData("/display/happy-otter-123")]
    [InlineData("/js/listener.js")]
    [InlineData("/css/app.css")]
    [InlineData("/api/languages")]
    [InlineData("/api/sessions/not-an-id")]
    [InlineData("/api/nowhere")]
    [InlineData("/healthz")]
    public async Task AnyResponse_CarriesSecurityHeadersAndNoServerHeader(string path)
    {
        using var client = fixture.Server.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.NotEqual(System.Net.HttpStatusCode.InternalServerError, response.StatusCode);

        var csp = Single(response, "Content-Security-Policy");
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Single(response, "Referrer-Policy"));
        Assert.False(response.Headers.Contains("Server"), "Server header: " + string.Join(",", response.Headers.Server));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/join/happy-otter-123")]
    [InlineData("/display/happy-otter-123")]
    public async Task Pages_NoInlineScriptStyleOrHandlers(string path)
    {
        using var client = fixture.Server.CreateClient();
        var html = await client.GetStringAsync(new Uri(path, UriKind.Relative));

        Assert.Contains("<script", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotMatch(StyleElementOrAttribute(), html);
        Assert.DoesNotMatch(EventHandlerAttribute(), html);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
    }

    private static string Single(HttpResponseMessage response, string name)
    {
        Assert.True(response.Headers.TryGetValues(name, out var values), $"{name} missing on {response.RequestMessage?.RequestUri}");
        return Assert.Single(values);
    }

    // A <script> element without a src attribute holds inline code.
    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<style\b|\sstyle\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleElementOrAttribute();

    [GeneratedRegex(@"<[^>]+\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();
}
