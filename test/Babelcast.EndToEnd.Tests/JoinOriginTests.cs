using Babelcast.Server.Venue;
using Babelcast.Testing.Host;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Babelcast.EndToEnd.Tests;

/// <summary>The speaker page on localhost: the QR code carries a LAN address, and the operator can pick another one.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class JoinOriginTests(BrowserFixture fixture)
{
    [Fact]
    public async Task SpeakerPage_OnLoopback_ShowsTheLanAddressAndSwitchesTheQrCode()
    {
        await using var server = await BabelcastTestServer.StartAsync(
            new Dictionary<string, string?> { ["Babelcast:PublicBaseUrl"] = string.Empty },
            services => services.AddSingleton<ILanAddresses>(new FixedLanAddresses("192.0.2.10", "2001:db8::10")));
        var port = server.BaseUri.Port;
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseUri.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-US",
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);

        await page.GotoAsync("/");
        await page.FillAsync("#username", "admin");
        await page.FillAsync("#password", BabelcastTestServer.AdminPassword);
        await page.ClickAsync("#signin-submit");
        await page.Locator("#source-language option[value='en']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.ClickAsync("#create");
        await page.Locator("#join-origin-field").WaitForAsync();

        var sessionId = (await page.InnerTextAsync("#session-id")).Trim();
        Assert.Equal($"http://192.0.2.10:{port}/join/{sessionId}", await page.InnerTextAsync("#join-link"));
        Assert.Equal(
            [$"http://192.0.2.10:{port}", $"http://[2001:db8::10]:{port}"],
            await page.EvalOnSelectorAllAsync<string[]>("#join-origin option", "options => options.map(o => o.value)"));
        Assert.Contains("BABELCAST_URL", await page.InnerTextAsync("#join-origin-warning"), StringComparison.Ordinal);

        await page.SelectOptionAsync("#join-origin", $"http://[2001:db8::10]:{port}");

        Assert.Equal($"http://[2001:db8::10]:{port}/join/{sessionId}", await page.InnerTextAsync("#join-link"));
        Assert.EndsWith("?origin=" + Uri.EscapeDataString($"http://[2001:db8::10]:{port}"), await page.GetAttributeAsync("#qr", "src"), StringComparison.Ordinal);
        await page.WaitForFunctionAsync("() => { const img = document.getElementById('qr'); return img.complete && img.naturalWidth > 0; }");
        Assert.Empty(errors);
    }
}
