using System.Text.Json;
using Microsoft.Playwright;

namespace Babelcast.EndToEnd.Tests;

/// <summary>Shared plumbing of the speaker and listener drivers: waits that explain themselves, the test hooks, errors.</summary>
public abstract class PageDriver : IAsyncDisposable
{
    private readonly List<string> _pageErrors = [];

    protected PageDriver(IBrowserContext context, IPage page, string name)
    {
        Context = context;
        Page = page;
        Name = name;
        page.PageError += (_, error) => _pageErrors.Add(error);
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public string Name { get; }

    /// <summary>The element whose text a timeout reports (the page's banners).</summary>
    protected virtual string StatusSelector => "#banners";

    /// <summary>Uncaught script errors on the page so far.</summary>
    public IReadOnlyList<string> PageErrors => _pageErrors;

    /// <summary>window.babelcast as JSON (the page's test hooks).</summary>
    public async Task<JsonElement> HooksAsync() =>
        JsonDocument.Parse(await Page.EvaluateAsync<string>(
            "() => { const b = window.babelcast || {}; const o = {}; for (const k in b) if (typeof b[k] !== 'function') o[k] = b[k]; return JSON.stringify(o); }"))
            .RootElement.Clone();

    /// <summary>Waits for a JavaScript condition; on timeout fails with the hooks and a screenshot in the artifacts.</summary>
    public async Task WaitAsync(string condition, TimeSpan timeout, string what)
    {
        try
        {
            await Page.WaitForFunctionAsync($"() => {{ try {{ return !!({condition}); }} catch {{ return false; }} }}", null,
                new PageWaitForFunctionOptions { Timeout = (float)timeout.TotalMilliseconds, PollingInterval = 200 });
        }
        catch (TimeoutException)
        {
            var shot = await Artifacts.ScreenshotAsync(Page, $"timeout-{Name}-{DateTime.UtcNow:HHmmss}");
            throw new TimeoutException(
                $"{Name}: waited {timeout.TotalSeconds:0} s for {what} ({condition}). Hooks: {await HooksAsync()}. " +
                $"Banners: '{await Page.InnerTextAsync(StatusSelector)}'. Screenshot: {shot}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        GC.SuppressFinalize(this);
    }
}
