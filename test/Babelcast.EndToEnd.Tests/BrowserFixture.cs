using Babelcast.Testing.Host;
using Microsoft.Playwright;

namespace Babelcast.EndToEnd.Tests;

/// <summary>
/// One real server and one headless Debian Chromium for the whole suite (starting either costs seconds).
/// Chromium's fake microphone plays <see cref="FakeMicrophoneFile"/> in a loop; no browser is ever downloaded.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string _tempDirectory = Path.Combine(Path.GetTempPath(), "babelcast-e2e-" + Guid.NewGuid().ToString("N")[..8]);
    private IPlaywright? _playwright;

    public BabelcastTestServer Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseUri => Server.BaseUri;

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Directory.CreateDirectory(_tempDirectory);
        var wav = FakeMicrophoneFile.Create(_tempDirectory);

        // The pages straight from the source tree: the test host runs outside Development, where static web assets
        // of the referenced server project are not mapped.
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_WEBROOT")))
        {
            Environment.SetEnvironmentVariable("ASPNETCORE_WEBROOT", Path.Combine(RepoPaths.Root, "src", "Babelcast.Server", "wwwroot"));
        }

        Server = await BabelcastTestServer.StartAsync(new Dictionary<string, string?>
        {
            // Every page, reconnect and test comes from 127.0.0.1: keep the per-IP limits out of the way.
            ["Babelcast:RateLimits:WebSocketConnect:PermitLimit"] = "1000",
            ["Babelcast:RateLimits:Join:PermitLimit"] = "1000",
            ["Babelcast:RateLimits:Token:PermitLimit"] = "1000",
        });
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-quic", "--no-first-run", "--disable-sync",
                "--autoplay-policy=no-user-gesture-required", "--use-fake-ui-for-media-stream",
                "--use-fake-device-for-media-stream", "--use-file-for-fake-audio-capture=" + wav,
            ],
        });
    }

    /// <summary>
    /// A desktop context for the speaker (microphone permission is granted by the fake UI flag). The test tooling
    /// injects axe-core and evaluates predicate strings, which the server's Content-Security-Policy forbids, so these
    /// contexts bypass it; <see cref="ContentSecurityPolicyTests"/> uses <paramref name="enforceCsp"/> to check that the
    /// pages themselves run under the policy.
    /// </summary>
    public Task<IBrowserContext> NewDesktopContextAsync(bool enforceCsp = false, Uri? baseUri = null) =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (baseUri ?? BaseUri).ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-US",
            BypassCSP = !enforceCsp,
        });

    /// <summary>A phone-sized context (390 x 844, touch) for a listener; see <see cref="NewDesktopContextAsync"/> on CSP.</summary>
    public Task<IBrowserContext> NewPhoneContextAsync(string locale = "es-ES", bool enforceCsp = false) =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUri.ToString(),
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
            Locale = locale,
            BypassCSP = !enforceCsp,
        });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        try
        {
            Directory.Delete(_tempDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still hold the WAV for a moment; the OS cleans the temp directory.
        }
    }
}
