using System.Text.Json;
using Microsoft.Playwright;

namespace Babelcast.EndToEnd.Tests;

/// <summary>The caption display (/display/{id}?...) in a 1280 x 720 window, the shape of a projector or a video source.</summary>
public sealed class DisplayDriver : PageDriver
{
    private DisplayDriver(IBrowserContext context, IPage page, string name)
        : base(context, page, name)
    {
    }

    protected override string StatusSelector => "body";

    /// <param name="fixture">The browser and server of the test class.</param>
    /// <param name="pathAndQuery">E.g. <c>/display/happy-otter-123?lang=es,fr</c>.</param>
    /// <param name="enforceCsp">Run under the server's Content-Security-Policy (then only locators can wait).</param>
    public static async Task<DisplayDriver> OpenAsync(BrowserFixture fixture, string pathAndQuery, bool enforceCsp = false)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseUri.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 720 },
            Locale = "en-US",
            BypassCSP = !enforceCsp,
        });
        var page = await context.NewPageAsync();
        var driver = new DisplayDriver(context, page, "display");
        await page.GotoAsync(pathAndQuery);
        return driver;
    }

    /// <summary>The columns' test hooks (language, state, finals, reconnects, audio counters).</summary>
    public async Task<IReadOnlyList<JsonElement>> ColumnsAsync() =>
        (await HooksAsync()).GetProperty("columns").EnumerateArray().ToList();

    public async Task<IReadOnlyList<(int Seq, string Text)>> FinalsAsync(int column) =>
        (await ColumnsAsync())[column].GetProperty("finals").EnumerateArray()
            .Select(c => (c.GetProperty("seq").GetInt32(), c.GetProperty("text").GetString() ?? ""))
            .ToList();
}
