namespace Babelcast.EndToEnd.Tests;

/// <summary>"Keep playing with the screen off": the listener page plays the session's MP3 stream through an audio element.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class StreamModeTests(BrowserFixture fixture)
{
    private static readonly TimeSpan Pipeline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(15);

    // Counts the audio element's events from before the switch, so that nothing is missed.
    private const string WatchAudio = """
        () => {
          const a = document.getElementById('stream-audio');
          window.streamEvents = { waiting: 0, stalled: 0, playing: 0, waitingAfterPlaying: 0, errors: 0 };
          a.addEventListener('playing', () => { window.streamEvents.playing += 1; });
          a.addEventListener('waiting', () => {
            window.streamEvents.waiting += 1;
            if (window.streamEvents.playing > 0) window.streamEvents.waitingAfterPlaying += 1;
          });
          a.addEventListener('stalled', () => { window.streamEvents.stalled += 1; });
          a.addEventListener('error', () => { window.streamEvents.errors += 1; });
        }
        """;

    [Fact]
    public async Task Listener_KeepPlayingWithScreenOff_PlaysTheStreamWithoutStallingAndSwitchesBack()
    {
        await using var speaker = await SpeakerDriver.OpenAsync(fixture);
        await speaker.SignInAsync();
        var sessionId = await speaker.CreateSessionAsync("en");
        await using var listener = await ListenerDriver.OpenAsync(fixture, sessionId, "es", phone: true);
        await listener.StartAsync("es");
        await speaker.StartMicrophoneAsync();
        await listener.WaitAsync("window.babelcast.finalCaptions.length >= 1", Pipeline, "a first caption");

        await listener.Page.EvaluateAsync(WatchAudio);
        await listener.Page.ClickAsync("#stream-mode");
        await listener.WaitAsync("window.babelcast.streamMode && document.getElementById('stream-audio').currentTime > 0.5", Quick, "the stream to play");
        Assert.Equal("true", await listener.Page.GetAttributeAsync("#stream-mode", "aria-pressed"));
        Assert.EndsWith($"/api/sessions/{sessionId}/stream/es.mp3", await listener.Page.EvalOnSelectorAsync<string>("#stream-audio", "a => a.src"), StringComparison.Ordinal);

        // The stream client is a listener of its own: the speaker sees two.
        await speaker.WaitAsync("window.babelcast.listenerCount === 2", Quick, "the stream client to count as a listener");
        var metadata = await listener.Page.EvaluateAsync<string[]>(
            "() => { const m = navigator.mediaSession.metadata; return [m.title, m.artist, m.album]; }");
        Assert.Equal(sessionId, metadata[1]);
        Assert.False(string.IsNullOrWhiteSpace(metadata[0]));
        Assert.False(string.IsNullOrWhiteSpace(metadata[2]));

        // Plays on at wall-clock pace, captions keep coming over the WebSocket.
        var captions = (await listener.FinalCaptionsAsync()).Count;
        var start = await listener.Page.EvalOnSelectorAsync<double>("#stream-audio", "a => a.currentTime");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(10));
        var played = await listener.Page.EvalOnSelectorAsync<double>("#stream-audio", "a => a.currentTime") - start;
        Assert.InRange(played, clock.Elapsed.TotalSeconds * 0.9, clock.Elapsed.TotalSeconds * 1.1);
        await listener.WaitAsync($"window.babelcast.finalCaptions.length > {captions}", Pipeline, "captions while the stream plays");
        var events = await listener.Page.EvaluateAsync<Dictionary<string, int>>("() => window.streamEvents");
        Assert.Equal(0, events["stalled"]);
        Assert.Equal(0, events["waitingAfterPlaying"]);
        Assert.Equal(0, events["errors"]);
        Assert.True(await listener.Page.EvalOnSelectorAsync<bool>("#stream-audio", "a => !a.paused"));

        // Back to the page's own playback: the stream stops and its client leaves.
        await listener.Page.ClickAsync("#stream-mode");
        await listener.WaitAsync("!window.babelcast.streamMode && document.getElementById('stream-audio').paused", Quick, "stream mode to end");
        Assert.Equal("false", await listener.Page.GetAttributeAsync("#stream-mode", "aria-pressed"));
        await speaker.WaitAsync("window.babelcast.listenerCount === 1", Quick, "the stream client to leave");
        var scheduled = await listener.NumberAsync("audioScheduledSeconds");
        await listener.WaitAsync($"window.babelcast.audioScheduledSeconds > {scheduled.ToString(System.Globalization.CultureInfo.InvariantCulture)}", Pipeline, "phrases played by the page again");
        Assert.Empty(listener.PageErrors.Concat(speaker.PageErrors));
    }
}
