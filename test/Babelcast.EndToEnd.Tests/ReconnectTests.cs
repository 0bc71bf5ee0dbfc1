namespace Babelcast.EndToEnd.Tests;

[Collection(EndToEndCollection.Name)]
public sealed class ReconnectTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Listener_ConnectionCutAndRestored_ResumesWithoutLostOrDuplicatedPhrases()
    {
        await using var speaker = await SpeakerDriver.OpenAsync(fixture);
        await speaker.SignInAsync();
        var sessionId = await speaker.CreateSessionAsync("en");
        // The phone is the session's only Spanish listener: while it is cut off nothing is translated into Spanish,
        // and its resume must get the phrases it missed translated on the spot.
        await using var listener = await ListenerDriver.OpenAsync(fixture, sessionId, "es", phone: true);
        await listener.StartAsync("es");
        await speaker.StartMicrophoneAsync();
        await listener.WaitAsync("window.babelcast.finalCaptions.length >= 1", TimeSpan.FromSeconds(60), "a first caption");
        var lastBeforeCut = (int)await listener.NumberAsync("lastSeq");

        // Cut the network: the socket drops and reconnect attempts fail until the network returns.
        await listener.Context.SetOfflineAsync(true);
        await listener.DropConnectionAsync();
        await listener.WaitAsync("window.babelcast.state === 'reconnecting'", TimeSpan.FromSeconds(5), "the reconnecting state");
        Assert.Equal(1, await listener.Page.Locator("[data-banner=connection]").CountAsync());
        await speaker.WaitAsync(
            $"window.babelcast.transcriptFinals.some(c => c.seq > {lastBeforeCut} + 1)", TimeSpan.FromSeconds(60),
            "two phrases spoken while the listener is offline");
        var spokenWhileOffline = (await speaker.HooksAsync()).GetProperty("transcriptFinals").EnumerateArray()
            .Select(c => c.GetProperty("seq").GetInt32()).Where(s => s > lastBeforeCut).ToList();

        await listener.Context.SetOfflineAsync(false);
        await listener.WaitAsync(
            $"window.babelcast.reconnects >= 1 && window.babelcast.state === 'live' && window.babelcast.lastSeq >= {spokenWhileOffline.Max()}",
            TimeSpan.FromSeconds(60), "the listener to reconnect and catch up");

        var captions = await listener.FinalCaptionsAsync();
        BroadcastTests.AssertStrictlyIncreasing(captions);
        var received = captions.Select(c => c.Seq).ToHashSet();
        Assert.All(spokenWhileOffline, seq => Assert.Contains(seq, received));
        Assert.Equal(captions.Count, await listener.Page.Locator("#captions p.final").CountAsync());
        Assert.Equal(0, await listener.Page.Locator("[data-banner=connection]").CountAsync());

        // The speaker's link drops too: it reconnects to the same session and the broadcast goes on.
        var speakerFinals = (await speaker.HooksAsync()).GetProperty("transcriptFinals").GetArrayLength();
        await speaker.Page.EvaluateAsync("window.babelcast.dropConnection()");
        await speaker.WaitAsync("window.babelcast.reconnects >= 1 && window.babelcast.state === 'live'", TimeSpan.FromSeconds(15), "the speaker to reconnect");
        Assert.Equal(sessionId, (await speaker.HooksAsync()).GetProperty("sessionId").GetString());
        // It numbers its frames (framing=seq): the server told it how far the session got, and it numbers on from there.
        var sequence = await speaker.HooksAsync();
        Assert.InRange(sequence.GetProperty("lastAudioSeq").GetInt64(), 1, sequence.GetProperty("nextAudioSeq").GetInt64() - 1);
        await listener.WaitAsync($"window.babelcast.lastSeq > {captions[^1].Seq}", TimeSpan.FromSeconds(60), "a phrase spoken after the speaker reconnected");
        Assert.True((await speaker.HooksAsync()).GetProperty("transcriptFinals").GetArrayLength() >= speakerFinals);
        BroadcastTests.AssertStrictlyIncreasing(await listener.FinalCaptionsAsync());

        Assert.Empty(listener.PageErrors.Concat(speaker.PageErrors));
    }
}
