using System.Globalization;
using System.Text.RegularExpressions;
using Babelcast.Testing;
using Babelcast.Testing.Host;

namespace Babelcast.Server.Tests.Capacity;

/// <summary>
/// Load shedding on the real server with the real engines, driven into overload by configuration: a final text counts
/// as late after 100 ms, and end-of-speech detection alone takes 350 ms of real-time audio, so every phrase is full
/// pressure on any machine, however fast or loaded. Steps are at least 1.5 s apart, so each phrase raises the level one
/// step and a scrape of <c>/metrics</c> every 50 ms sees every step. What listeners and the speaker receive is checked
/// against the level each phrase was spoken at.
/// </summary>
[Collection("real-engines")]
public sealed class LoadSheddingLiveTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Speak_EveryFinalLate_ShedsOneStepAtATimeInOrder_ListenerPartialsThinnedThenGone()
    {
        await using var server = await BabelcastTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Babelcast:Capacity:Shedding:Enabled"] = "true",
            ["Babelcast:Capacity:Shedding:FinalDelayLimitMs"] = "100",
            ["Babelcast:Capacity:Shedding:IngestLagLimitMs"] = "60000", // only the final texts drive it: one report per phrase
            ["Babelcast:Capacity:Shedding:WindowMs"] = "100",
            ["Babelcast:Capacity:Shedding:RaiseAfterWindows"] = "1", // one late final is one window over the limit
            ["Babelcast:Capacity:Shedding:StepUpIntervalMs"] = "1500",
            ["Babelcast:Capacity:Shedding:RecoverAfterMs"] = "3600000",
        });
        var token = await server.GetTokenAsync();
        var id = await server.CreateSessionAsync(token);
        await using var speaker = await ProtocolClient.ConnectAsync(server.WebSocketUri($"/ws/speak?sessionId={id}&token={token}"));
        await speaker.WaitForTypeAsync("connected", TimeSpan.FromSeconds(10));
        await using var listener = await ProtocolClient.ConnectAsync(server.WebSocketUri($"/ws/listen?sessionId={id}&targetLanguage=es"));
        await listener.WaitForTypeAsync("sessionJoined", TimeSpan.FromSeconds(10));
        using var http = server.CreateClient();
        using var stop = new CancellationTokenSource();
        var levels = new List<int>();
        var scraping = ScrapeLevelsAsync(http, levels, stop.Token);

        var clip = Wav.Read16kMono(TestData.SpeechFile("goforward.wav"));
        var spoken = new List<(int Level, long FromSeq)>();
        for (var phrase = 0; phrase < 8 && (spoken.Count == 0 || spoken[^1].Level < 3); phrase++)
        {
            var level = Current(levels);
            var fromSeq = LastSeq(speaker);
            var finals = listener.OfType("caption").Count(m => m.Final);
            // Real time, then silence: the final comes 350 ms after the speech, and the silence's frames make the
            // shedder close the window that holds its report.
            await speaker.StreamAudioAsync(clip.Concat(new short[24000]).ToArray(), realTime: true);
            await listener.WaitForAsync(_ => listener.OfType("caption").Count(m => m.Final) > finals, Wait);
            spoken.Add((level, fromSeq));
        }

        // One more phrase at the top level.
        var last = (Level: Current(levels), FromSeq: LastSeq(speaker));
        var before = listener.OfType("caption").Count(m => m.Final);
        await speaker.StreamAudioAsync(clip.Concat(new short[24000]).ToArray(), realTime: true);
        await listener.WaitForAsync(_ => listener.OfType("caption").Count(m => m.Final) > before, Wait);
        await stop.CancelAsync();
        await scraping;

        Assert.Equal([0, 1, 2, 3], levels);
        Assert.Equal(3, last.Level);
        var top = Partials(listener, last.FromSeq);
        Assert.Empty(top); // level 3: listeners get no partials ...
        Assert.Contains(speaker.OfType("transcript"), m => !m.Final && m.Seq > last.FromSeq && m.Text().Length > 0); // ... the speaker still does
        foreach (var (level, fromSeq) in spoken.Where(s => s.Level is 1 or 2))
        {
            // Thinned: listener partials of one phrase at least 1 s apart (700 ms allows one arriving late, the next on time).
            var partials = Partials(listener, fromSeq);
            var times = partials.Where(m => partials.Count > 0 && m.Seq == partials[0].Seq).Select(m => m.ReceivedTimestamp).ToList();
            Assert.All(times.Zip(times.Skip(1)), p => Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(p.First, p.Second) >= TimeSpan.FromMilliseconds(700),
                $"level {level}: partials {string.Join(", ", times)}"));
        }

        Assert.NotEmpty(Partials(listener, 0)); // level 0: partials at their own pace
    }

    private static List<ReceivedMessage> Partials(ProtocolClient listener, long afterSeq) =>
        [.. listener.OfType("caption").Where(m => !m.Final && m.Seq > afterSeq && m.Text().Length > 0)];

    /// <summary>The newest phrase the speaker has seen (partials included): later phrases start after this call.</summary>
    private static long LastSeq(ProtocolClient speaker) =>
        speaker.OfType("transcript").Select(m => m.Seq).DefaultIfEmpty(0).Max();

    private static int Current(List<int> levels)
    {
        lock (levels)
        {
            return levels.Count == 0 ? 0 : levels[^1];
        }
    }

    /// <summary>Notes each new value of the shedding gauge on <c>/metrics</c>.</summary>
    private static async Task ScrapeLevelsAsync(HttpClient http, List<int> levels, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var text = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative), cancellationToken);
                var match = Regex.Match(text, "^babelcast_shed_level(?:\\{\\})? ([0-9.]+)", RegexOptions.Multiline);
                if (match.Success)
                {
                    var level = (int)double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                    lock (levels)
                    {
                        if (levels.Count == 0 || levels[^1] != level)
                        {
                            levels.Add(level);
                        }
                    }
                }

                await Task.Delay(50, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
