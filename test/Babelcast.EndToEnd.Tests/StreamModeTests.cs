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
          window.streamLog = [];
          const t0 = performance.now();
          for (const type of ['playing', 'waiting', 'stalled', 'error', 'pause', 'canplay']) {
            a.addEventListener(type, () => {
              const end = a.buffered.length ? a.buffered.end(a.buffered.length - 1) : 0;
              window.streamLog.push(`${type} t=${((performance.now() - t0) / 1000).toFixed(2)} cur=${a.currentTime.toFixed(2)} buf=${end.toFixed(2)}`);
            });
          }
          window.streamRebuffers = [];
          let waitedAt = null;
          a.addEventListener('playing', () => {
            window.streamEvents.playing += 1;
            if (waitedAt !== null) window.streamRebuffers.push((performance.now() - waitedAt) / 1000);
            waitedAt = null;
          });
          a.addEventListener('waiting', () => {
            window.streamEvents.waiting += 1;
            if (window.streamEvents.playing > 0) {
              window.streamEvents.waitingAfterPlaying += 1;
              waitedAt = performance.now();
            }
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
        var wall = clock.Elapsed.TotalSeconds;
        var windowLog = string.Join("; ", await listener.Page.EvaluateAsync<string[]>("() => window.streamLog"));
        // The one rebuffer tolerated below is not counted against the pace (the clock stops while it refills).
        var rebuffered = (await listener.Page.EvaluateAsync<double[]>("() => window.streamRebuffers")).Sum();
        Assert.True(played >= (wall - rebuffered) * 0.9 && played <= wall * 1.1, $"played {played:F2} s in {wall:F2} s ({rebuffered:F2} s rebuffering): {windowLog}");
        await listener.WaitAsync($"window.babelcast.finalCaptions.length > {captions}", Pipeline, "captions while the stream plays");
        var events = await listener.Page.EvaluateAsync<Dictionary<string, int>>("() => window.streamEvents");
        var log = string.Join("; ", await listener.Page.EvaluateAsync<string[]>("() => window.streamLog"));
        Assert.True(events["stalled"] == 0, $"stalled: {log}");
        // Headless Chromium's fake audio sink has run dry once in some runs (1.4 s of buffer drained in 9 s while the
        // server's pacing held: 1.00 stream seconds per second by the bench, 2 % by mpg123); one short rebuffer that
        // recovers by itself is tolerated, a second one or a long one is not. A clean-clone CI run on 3 Dec saw the
        // stream itself run dry for 1.45 s (buffered end = current time: the server's pacer starved of the 2 cores
        // by the speaker's recognition and Chromium), so "short" is under 2 s.
        var rebuffers = await listener.Page.EvaluateAsync<double[]>("() => window.streamRebuffers");
        Assert.True(events["waitingAfterPlaying"] <= 1, $"waiting after playing: {log}");
        Assert.True(rebuffers.Length == events["waitingAfterPlaying"] && rebuffers.All(r => r < 2.0), $"rebuffers {string.Join(", ", rebuffers)}: {log}");
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
