
namespace Babelcast.EndToEnd.Tests;

/// <summary>
/// One live session shared by the steps of <see cref="BroadcastTests"/>: a signed-in speaker whose fake microphone
/// talks, a Spanish listener on a phone and a French one on a desktop. Starting it costs a browser page each and the
/// first phrases, so it is started once, by the first step that needs it.
/// </summary>
public sealed class LiveBroadcast : IAsyncLifetime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Task? _started;

    public SpeakerDriver Speaker { get; private set; } = null!;

    public ListenerDriver Spanish { get; private set; } = null!;

    public ListenerDriver French { get; private set; } = null!;

    public string SessionId { get; private set; } = string.Empty;

    /// <summary>Starts the broadcast on the first call; every call waits for that start (and fails as it failed).</summary>
    public async Task<LiveBroadcast> StartAsync(BrowserFixture fixture)
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
        foreach (var page in new PageDriver?[] { Spanish, French, Speaker })
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

        Spanish = await ListenerDriver.OpenAsync(fixture, SessionId, "es", phone: true);
        French = await ListenerDriver.OpenAsync(fixture, SessionId, "fr", phone: false);
        await Spanish.StartAsync("es");
        await French.StartAsync("fr");
        await Speaker.StartMicrophoneAsync();
    }
}
