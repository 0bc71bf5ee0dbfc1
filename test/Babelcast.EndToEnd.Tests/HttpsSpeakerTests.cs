using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Babelcast.Testing.Host;
using Microsoft.Playwright;

namespace Babelcast.EndToEnd.Tests;

/// <summary>
/// Recipe (b) in a real browser: the speaker page opened over the server's own HTTPS port (self-signed), the
/// fingerprint shown to the operator is the certificate's, and the broadcast runs over wss:// on that port.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class HttpsSpeakerTests(BrowserFixture fixture)
{
    [Fact]
    public async Task SpeakerPageOverHttps_ShowsFingerprint_AndBroadcastsOverWss()
    {
        await using var server = await BabelcastTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Babelcast:Https:Mode"] = "self-signed",
            ["Babelcast:Https:Port"] = "0",
        });
        var https = server.HttpsUri ?? throw new InvalidOperationException("No HTTPS address.");
        using var certificate = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(server.DataDirectory, "https", "babelcast.pem"));
        var fingerprint = string.Join(':', certificate.GetCertHashString(HashAlgorithmName.SHA256).Chunk(2).Select(p => new string(p)));

        // The operator accepted the self-signed certificate after comparing the fingerprint.
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = https.ToString(),
            IgnoreHTTPSErrors = true,
            BypassCSP = true, // for the test's predicate strings; ContentSecurityPolicyTests checks the pages under the policy
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.FillAsync("#username", "admin");
        await page.FillAsync("#password", BabelcastTestServer.AdminPassword);
        await page.ClickAsync("#signin-submit");
        var info = page.Locator("#https-info");
        await info.Locator("code").WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 15_000 });

        var text = await info.InnerTextAsync();
        Assert.Contains(fingerprint, text, StringComparison.Ordinal);
        Assert.Contains(new Uri(https, "/").ToString(), text, StringComparison.Ordinal);

        await page.ClickAsync("#create");
        await page.Locator("#live").WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 15_000 });
        await page.ClickAsync("#mic-start");
        await page.WaitForFunctionAsync("window.babelcast.framesSent > 5", null, new() { Timeout = 15_000 });
        Assert.Equal("https:", await page.EvaluateAsync<string>("location.protocol"));
    }
}
