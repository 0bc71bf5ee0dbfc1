using System.Diagnostics.Metrics;
using Babelcast.Core.Diagnostics;
using Babelcast.Engines.Apertium;
using Babelcast.Testing;
using Babelcast.Testing.Host;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Babelcast.Server.Tests.Pipeline;

/// <summary>Pipeline behaviours on the real engines: silence, pause, language change, no-listener languages, crash recovery, resume.</summary>
[Collection("real-engines")]
public sealed class PipelineBehaviourTests(LiveSessionFixture fixture) : IClassFixture<LiveSessionFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(40);

    private static short[] Clip(string name) => Wav.Read16kMono(TestData.SpeechFile(name)).Concat(new short[12000]).ToArray();

    [Fact]
    public async Task SilenceAndFaintNoise_TenSecondsEach_ProduceNoPhrases()
    {
        var (id, speaker) = await fixture.StartSpeakerAsync();
        await using var _ = speaker;
        await using var es = await fixture.JoinAsync(id, "es");
        var random = new Random(7);
        var noise = Enumerable.Range(0, 160000).Select(_ => (short)random.Next(-180, 181)).ToArray(); // about -45 dBFS
        await speaker.StreamAudioAsync(new short[160000], realTime: false);
        await speaker.StreamAudioAsync(noise, realTime: false);
        await speaker.SendJsonAsync(new { type = "end" });
        await es.WaitForTypeAsync("sessionEnded", Wait);

        Assert.DoesNotContain(speaker.OfType("transcript"), t => t.Final);
        Assert.Empty(es.OfType("caption"));
        Assert.Empty(es.OfType("audio"));
    }

    [Fact]
    public async Task Pause_StopsPhrases_ResumeRestartsThem()
    {
        var (id, speaker) = await fixture.StartSpeakerAsync();
        await using var _ = speaker;
        await using var es = await fixture.JoinAsync(id, "es");
        await speaker.SendJsonAsync(new { type = "pause" });
        await es.WaitForTypeAsync("broadcastPaused", Wait);
        await speaker.StreamAudioAsync(Clip("jfk.wav"), realTime: false);
        await speaker.StreamAudioAsync(Clip("example2.wav"), realTime: false);

        await speaker.SendJsonAsync(new { type = "resume" });
        await es.WaitForTypeAsync("broadcastResumed", Wait);
        var resumed = Clip("goforward.wav");
        await speaker.StreamAudioAsync(resumed, realTime: false);
        await es.WaitForAsync(m => m.Type == "caption" && m.Final, Wait);

        // Ending delivers every phrase before sessionEnded. Phrase times count the audio the pipeline heard: had it
        // heard the paused clips (longer than the resumed one), some phrase would end after the resumed clip's length.
        await speaker.SendJsonAsync(new { type = "end" });
        await es.WaitForTypeAsync("sessionEnded", Wait);
        await speaker.WaitForTypeAsync("sessionEnded", Wait);
        var heardMs = resumed.Length / 16;
        Assert.All(speaker.OfType("transcript"), t => Assert.InRange(t.Json.GetProperty("endMs").GetInt64(), 0, heardMs));
        Assert.All(es.OfType("caption"), c => Assert.InRange(c.Json.GetProperty("endMs").GetInt64(), 0, heardMs));
    }

    [Fact]
    public async Task ChangeLanguage_TakesEffectAtTheNextPhrase()
    {
        var (id, speaker) = await fixture.StartSpeakerAsync();
        await using var _ = speaker;
        await using var listener = await fixture.JoinAsync(id, "es");
        await speaker.StreamAudioAsync(Clip("new-home-in-the-stars-16k.wav"), realTime: false);
        var first = await listener.WaitForAsync(m => m.Type == "audioData", Wait);

        await listener.SendJsonAsync(new { type = "changeLanguage", targetLanguage = "fr" });
        await listener.WaitForTypeAsync("languageChanged", Wait);
        var before = listener.OfType("caption").Count(c => c.Final);
        await speaker.StreamAudioAsync(Clip("jfk.wav"), realTime: false);
        await listener.WaitForAsync(m => m.Type == "caption" && m.Final && m.Text("targetLanguage") == "fr", Wait);

        var finals = listener.OfType("caption").Where(c => c.Final).ToList();
        Assert.All(finals.Take(before), c => Assert.Equal("es", c.Text("targetLanguage")));
        Assert.All(finals.Skip(before), c => Assert.Equal("fr", c.Text("targetLanguage")));
    }

    [Fact]
    public async Task LastListenerOfALanguageLeaves_ThatLanguageIsNoLongerTranslated()
    {
        var (id, speaker) = await fixture.StartSpeakerAsync();
        await using var _ = speaker;
        await using var es = await fixture.JoinAsync(id, "es");
        var it = await fixture.JoinAsync(id, "it");
        await speaker.StreamAudioAsync(Clip("goforward.wav"), realTime: false);
        await it.WaitForAsync(m => m.Type == "caption" && m.Final, Wait);
        await es.WaitForAsync(m => m.Type == "audioData", Wait);
        await it.DisposeAsync();
        await speaker.WaitForAsync(m => m.Type == "sessionStatus" && !m.Json.GetProperty("languageDistribution").TryGetProperty("it", out var _), Wait);

        // Counts translations from here on, on this server's meter only.
        using var translations = new MetricCollector<long>(
            fixture.Server.Services.GetRequiredService<IMeterFactory>(), BabelcastMetrics.MeterName, BabelcastMetrics.TranslationsInstrument);
        var lastSpanish = es.OfType("caption").Where(c => c.Final).Max(c => c.Seq);
        await speaker.StreamAudioAsync(Clip("jfk.wav"), realTime: false);
        await es.WaitForAsync(m => m.Type == "audioData" && m.Seq > lastSpanish, Wait);

        var snapshot = translations.GetMeasurementSnapshot();
        Assert.Contains(snapshot, m => m.MatchesTags(new KeyValuePair<string, object?>("language", "es")));
        Assert.DoesNotContain(snapshot, m => m.MatchesTags(new KeyValuePair<string, object?>("language", "it")));
    }

    [Fact]
    public async Task KilledApertiumProcess_IsRestarted_AndThePhraseStillArrives()
    {
        var translator = fixture.Server.Services.GetServices<Core.Translation.ITranslator>().OfType<ApertiumTranslator>().Single();
        var (id, speaker) = await fixture.StartSpeakerAsync();
        await using var _ = speaker;
        await using var es = await fixture.JoinAsync(id, "es");
        await speaker.StreamAudioAsync(Clip("goforward.wav"), realTime: false);
        await es.WaitForAsync(m => m.Type == "caption" && m.Final, Wait);
        Assert.True(translator.KillPipeline("eng-spa"));

        var before = es.OfType("caption").Where(c => c.Final).Max(c => c.Seq);
        await speaker.StreamAudioAsync(Clip("jfk.wav"), realTime: false);
        var after = await es.WaitForAsync(m => m.Type == "caption" && m.Final && m.Seq > before, Wait);
        Assert.False(string.IsNullOrWhiteSpace(after.Text()));
        Assert.Contains(translator.ActivePipelines, m => m == "eng-spa");
    }

    [Fact]
    public async Task OnlyListenerReconnectsWithResume_MissesNothingAndSeesNothingTwice()
    {
        var (id, speaker) = await fixture.StartSpeakerAsync();
        await using var _ = speaker;
        var listener = await fixture.JoinAsync(id, "es");
        await speaker.StreamAudioAsync(Clip("goforward.wav"), realTime: false);
        await listener.WaitForAsync(m => m.Type == "audioData", Wait);
        var seen = listener.OfType("caption").Where(c => c.Final).Select(c => c.Seq).ToList();
        listener.Abort();
        await listener.DisposeAsync();

        // Spoken while the session's only Spanish listener is away: nothing is translated into Spanish meanwhile.
        await speaker.StreamAudioAsync(Clip("jfk.wav"), realTime: false);
        await speaker.StreamAudioAsync(Clip("example2.wav"), realTime: false);
        var lastMissed = await speaker.WaitForAsync(m => m.Type == "transcript" && m.Final && m.Text().Contains("name", StringComparison.OrdinalIgnoreCase), Wait);

        // No wait for the missed phrases to be stored: one stored before the resume is caught up, one stored after it
        // sees the Spanish listener and goes out live (held until the catch-up is sent; duplicates are skipped).

        await using var back = await ProtocolClient.ConnectAsync(fixture.Server.WebSocketUri($"/ws/listen?sessionId={id}&targetLanguage=es"));
        await back.SendJsonAsync(new { type = "resume", afterSeq = seen.Max() });
        await back.WaitForAsync(m => m.Type == "audioData" && m.Seq >= lastMissed.Seq, Wait);
        await speaker.StreamAudioAsync(Clip("new-home-in-the-stars-16k.wav"), realTime: false);
        var live = await speaker.WaitForAsync(m => m.Type == "transcript" && m.Final && m.Seq > lastMissed.Seq, Wait);
        await back.WaitForAsync(m => m.Type == "audioData" && m.Seq >= live.Seq, Wait);

        var expected = speaker.OfType("transcript").Where(t => t.Final && t.Seq > seen.Max()).Select(t => t.Seq).ToList();
        Assert.Equal(expected, back.OfType("caption").Where(c => c.Final).Select(c => c.Seq).ToList());
        Assert.Equal(expected, back.OfType("audio").Select(a => a.Seq).ToList());
        Assert.DoesNotContain(back.OfType("caption"), c => c.Final && c.Seq <= seen.Max());
    }

    [Fact]
    public async Task LateJoiner_ReceivesRecentFinalCaptionsInItsLanguage()
    {
        var (id, speaker) = await fixture.StartSpeakerAsync();
        await using var _ = speaker;
        await using var early = await fixture.JoinAsync(id, "es");
        await speaker.StreamAudioAsync(Clip("jfk.wav"), realTime: false);
        await early.WaitForAsync(m => m.Type == "audioData", Wait);

        // Later phrases may still be on their way: no need to wait for them. A caption is stored before it is sent, so
        // everything the early listener has is replayed; the replay is queued at once and in order, so once its copy
        // of the newest of those is here, every replayed caption up to it is here too.
        var beforeJoin = early.OfType("caption").Where(c => c.Final).Select(c => c.Seq).ToList();
        await using var late = await fixture.JoinAsync(id, "es");
        await late.WaitForAsync(m => m.Type == "caption" && m.Final && m.Seq == beforeJoin.Max(), Wait);
        var replayed = late.OfType("caption").Where(c => c.Final && c.Json.TryGetProperty("replay", out var r) && r.GetBoolean()).Select(c => c.Seq).ToList();
        Assert.Equal(beforeJoin, replayed.Where(s => s <= beforeJoin.Max()));
        var all = late.OfType("caption").Where(c => c.Final).Select(c => c.Seq).ToList();
        Assert.Equal(all.Distinct().Order(), all);
    }
}
