using Babelcast.Server.Tests.WebSockets;
using Babelcast.Testing;
using Babelcast.Testing.Host;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Babelcast.Server.Tests.Faults;

/// <summary>
/// A listener that stops reading (its TCP connection stays open, nothing is read, the keep-alive is too slow to
/// notice) on the real server with the real recogniser and translator (the synthesiser makes long tones, so that
/// the kernel's buffers fill within a few phrases): its send queue fills, it is cut off, and the other listener of
/// the same language and the speaker miss nothing.
/// </summary>
[Collection("real-engines")]
public sealed class SlowListenerTests
{
    private const int SlowConsumerEventId = 5006;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(120);

    private static short[] Clip(string name) => Wav.Read16kMono(TestData.SpeechFile(name)).Concat(new short[12000]).ToArray();

    [Fact]
    public async Task Session_ListenerStopsReading_ItIsCutOffAndTheOtherListenerGetsEveryPhrase()
    {
        await using var server = await BabelcastTestServer.StartAsync(
            new Dictionary<string, string?>
            {
                // Room for a healthy reader on a loaded machine (a few long phrases); the stalled one overflows anyway.
                ["Babelcast:WebSockets:ListenerQueueCapacity"] = "64",
                ["Babelcast:WebSockets:SendQueueMaxBytes"] = "2097152",
                ["Babelcast:WebSockets:KeepAliveInterval"] = "00:10:00",
                ["Babelcast:Engines:Synthesis"] = LongToneSynthesizer.EngineName,
                ["Babelcast:Encoding:Lame:Bitrate"] = "160",
            },
            services =>
            {
                services.AddSingleton<Core.Synthesis.ISpeechSynthesizer, LongToneSynthesizer>();
                services.AddLogging(l => l.AddFakeLogging());
            });
        var logs = server.Services.GetFakeLogCollector();
        var token = await server.GetTokenAsync();
        var id = await server.CreateSessionAsync(token);
        await using var speaker = await ProtocolClient.ConnectAsync(server.WebSocketUri($"/ws/speak?sessionId={id}&token={token}"));
        await speaker.WaitForTypeAsync("connected", Wait);
        await using var reader = await ProtocolClient.ConnectAsync(server.WebSocketUri($"/ws/listen?sessionId={id}&targetLanguage=es"));
        await reader.WaitForTypeAsync("sessionJoined", Wait);
        using var cts = new CancellationTokenSource(Wait);
        using var stalled = await SilentPeer.ConnectAsync(server.BaseUri, $"/ws/listen?sessionId={id}&targetLanguage=es", cts.Token, receiveBufferBytes: 4096);
        await speaker.WaitForAsync(m => m.Type == "sessionStatus" && m.Json.GetProperty("listenerCount").GetInt32() == 2, Wait);

        var dropped = logs.WaitForAsync(r => r.Id.Id == SlowConsumerEventId && r.Level == LogLevel.Warning, Wait);
        foreach (var clip in new[] { "goforward.wav", "jfk.wav", "example2.wav", "new-home-in-the-stars-16k.wav" })
        {
            if (dropped.IsCompleted)
            {
                break;
            }

            await speaker.StreamAudioAsync(Clip(clip), realTime: false);
        }

        await dropped;
        await speaker.WaitForAsync(m => m.Type == "sessionStatus" && m.Json.GetProperty("listenerCount").GetInt32() == 1, Wait);

        await speaker.SendJsonAsync(new { type = "end" });
        await reader.WaitForTypeAsync("sessionEnded", Wait);
        await speaker.WaitForTypeAsync("sessionEnded", Wait);
        var spoken = speaker.OfType("transcript").Where(t => t.Final).Select(t => t.Seq).ToList();
        Assert.NotEmpty(spoken);
        Assert.Equal(spoken, reader.OfType("caption").Where(c => c.Final).Select(c => c.Seq).ToList());
        Assert.Equal(spoken, reader.OfType("audio").Select(a => a.Seq).ToList());
        Assert.Equal(1, logs.CountOf(r => r.Id.Id == SlowConsumerEventId));
    }
}
