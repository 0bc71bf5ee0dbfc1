using Babelcast.Core.Storage;
using Babelcast.Core.Translation;
using Babelcast.Server.Tests.WebSockets;
using Babelcast.Testing.Host;
using Microsoft.Extensions.DependencyInjection;

namespace Babelcast.Server.Tests.Hardening;

/// <summary>An anonymous <c>resume</c> cannot make the server replay or translate an unbounded backlog.</summary>
public sealed class ResumeLimitTests
{
    private const int Phrases = 8;

    [Fact]
    public async Task ResumeAfterLongGap_ReplaysOnlyTheNewestMaxResumePhrases()
    {
        var translator = new CountingTranslator();
        await using var own = await StartAsync(translator, maxResume: 3, maxCatchUp: 0);
        var id = await SeedAsync(own.Server, translated: true, oldSeq: 0);

        await using var listener = await ResumeAsync(own.Server, id);
        await listener.WaitForAsync(m => m.Type == "caption" && m.Seq == Phrases, Waits.Long);
        await SocketAssert.RoundTripAsync(listener);

        var seqs = listener.OfType("caption").Select(m => m.Seq).ToList();
        Assert.Equal(new long[] { Phrases - 2, Phrases - 1, Phrases }, seqs);
        Assert.DoesNotContain(translator.Texts, t => t.StartsWith("phrase", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FloodOfResumes_TranslatesEachMissedPhraseOnceWithinTheWindowAndRetention()
    {
        var translator = new CountingTranslator();
        await using var own = await StartAsync(translator, maxResume: 6, maxCatchUp: 2);
        // Nobody listened in Spanish: nothing is translated. The window is phrases 3..8; phrase 3 is past the retention.
        var id = await SeedAsync(own.Server, translated: false, oldSeq: 3);

        var listeners = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => ResumeAsync(own.Server, id)));
        try
        {
            await Task.WhenAll(listeners.Select(l => l.WaitForAsync(m => m.Type == "caption" && m.Seq == Phrases, TimeSpan.FromSeconds(60))));

            var phraseTexts = translator.Texts.Where(t => t.StartsWith("phrase", StringComparison.Ordinal)).ToList();
            // 8 resumes of 8 missed phrases would be 64 translations; serialised, each phrase is translated at most once.
            Assert.Equal(phraseTexts.Distinct().Count(), phraseTexts.Count);
            string[] expected = ["phrase 4", "phrase 5", "phrase 6", "phrase 7", "phrase 8"];
            Assert.Equal(expected, phraseTexts.Order(StringComparer.Ordinal));
            Assert.All(listeners, l => Assert.True(l.OfType("caption").Count() <= 6));
        }
        finally
        {
            foreach (var l in listeners)
            {
                await l.DisposeAsync();
            }
        }
    }

    private static async Task<OwnServer> StartAsync(CountingTranslator translator, int maxResume, int maxCatchUp) =>
        await OwnServer.StartAsync(
            new Dictionary<string, string?>
            {
                ["Babelcast:Engines:Translation"] = CountingTranslator.EngineName,
                ["Babelcast:WebSockets:MaxResumePhrases"] = maxResume.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Babelcast:WebSockets:MaxCatchUpPerResume"] = maxCatchUp.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Babelcast:RateLimits:WebSocketConnect:PermitLimit"] = "100000",
                ["Babelcast:RateLimits:Join:PermitLimit"] = "100000",
            },
            s => s.AddSingleton<ITranslator>(translator));

    /// <summary>A session with <see cref="Phrases"/> final phrases; phrase <paramref name="oldSeq"/> is older than the audio retention.</summary>
    private static async Task<string> SeedAsync(BabelcastTestServer server, bool translated, long oldSeq)
    {
        using var cts = new CancellationTokenSource(Waits.Long);
        var id = await server.CreateSessionAsync(await server.GetTokenAsync(cancellationToken: cts.Token), cancellationToken: cts.Token);
        var store = server.Services.GetRequiredService<ITranscriptStore>();
        var now = DateTimeOffset.UtcNow;
        for (var seq = 1L; seq <= Phrases; seq++)
        {
            var created = seq == oldSeq ? now.AddDays(-2) : now;
            await store.AddPhraseAsync(new PhraseRecord(id, seq, $"phrase {seq}", seq * 1000, seq * 1000 + 500, created, null), cts.Token);
            if (translated)
            {
                await store.AddTranslationAsync(new TranslationRecord(id, seq, "es", $"frase {seq}", $"phrase {seq}", seq * 1000, seq * 1000 + 500, 0, created), cts.Token);
            }
        }

        return id;
    }

    private static async Task<ProtocolClient> ResumeAsync(BabelcastTestServer server, string id)
    {
        var client = await Waits.ConnectAsync(server.WebSocketUri($"/ws/listen?sessionId={id}&targetLanguage=es"));
        using var cts = new CancellationTokenSource(Waits.Long);
        await client.SendJsonAsync(new { type = "resume", afterSeq = 0 }, cts.Token);
        return client;
    }
}
