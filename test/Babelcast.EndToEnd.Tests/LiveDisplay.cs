namespace Babelcast.EndToEnd.Tests;

/// <summary>
/// One live session for <see cref="DisplayTests"/>: a signed-in speaker whose fake microphone talks, and a room screen
/// showing Spanish and French side by side. Started once, by the first step that needs it.
/// </summary>
public sealed class LiveDisplay : IAsyncLifetime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Task? _started;

    public SpeakerDriver Speaker { get; private set; } = null!;

    public DisplayDriver Screen { get; private set; } = null!;

    public string SessionId { get; private set; } = string.Empty;

    public async Task<LiveDisplay> StartAsync(BrowserFixture fixture)
    {
        await _gate.WaitAsync();
        try
        {
            _started ??= StartCoreAsync(fixture);
        }
        finally
        {
            _gate.Release();
        }

        await _started;
        return this;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var page in new PageDriver?[] { Screen, Speaker })
        {
            if (page is not null)
            {
                await page.DisposeAsync();
            }
        }

        _gate.Dispose();
    }

    private async Task StartCoreAsync(BrowserFixture fixture)
    {
        Speaker = await SpeakerDriver.OpenAsync(fixture);
        await Speaker.SignInAsync();
        SessionId = await Speaker.CreateSessionAsync("en");
        Screen = await DisplayDriver.OpenAsync(fixture, $"/display/{SessionId}?lang=es,fr");
        await Screen.WaitAsync("window.babelcast.state === 'live'", TimeSpan.FromSeconds(15), "both columns to join");
        await Speaker.StartMicrophoneAsync();
    }
}
