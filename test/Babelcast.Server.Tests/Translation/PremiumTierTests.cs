using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Babelcast.Core.Diagnostics;
using Babelcast.Server.Tests.WebSockets;
using Babelcast.Testing.Host;
using Babelcast.Testing.Host.Translation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Babelcast.Server.Tests.Translation;

/// <summary>
/// The quality tier on the real server: premium sessions get the LLM's translation, with Apertium taking over a phrase
/// the LLM fails, answers badly or answers late; standard sessions never reach the LLM; a PATCH of the tier applies
/// from the next phrase. Phrases are typed lines (deterministic text, no audio).
/// </summary>
[Collection("real-engines")]
public sealed class PremiumTierTests(PremiumServerFixture fixture) : IClassFixture<PremiumServerFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(120); // the test machines are shared and loaded

    [Fact]
    public async Task PremiumSession_CaptionsAreTheLlmTranslation_WithThePreviousPhraseAsContext()
    {
        fixture.Llm.Answer = TranslationTestServer.DefaultAnswer;
        var (id, speaker) = await fixture.StartSpeakerAsync("premium");
        await using var _ = speaker;
        await using var spanish = await fixture.JoinAsync(id, "es");
        await SocketAssert.StatusAsync(speaker, 0, ("es", 1));

        var first = await TypeAsync(speaker, spanish, "Welcome to the morning service.");
        var second = await TypeAsync(speaker, spanish, "Please turn to page twelve.");

        Assert.Equal(TranslationTestServer.Pseudo("es", "Welcome to the morning service."), first.Text());
        Assert.Equal(TranslationTestServer.Pseudo("es", "Please turn to page twelve."), second.Text());
        var call = fixture.Llm.Calls.Last(c => c.Text == "Please turn to page twelve.");
        Assert.Contains("- Welcome to the morning service.", call.SystemPrompt, StringComparison.Ordinal);
        Assert.Equal("Bearer sk-never-logged", call.Authorization);
    }

    [Fact]
    public async Task LlmFailing_PhraseComesFromApertium_AndIsCounted()
    {
        using var fallbacks = Fallbacks();
        fixture.Llm.Answer = c => c.Text.Contains("twelve", StringComparison.Ordinal) ? TestAnswer.Error(500) : TranslationTestServer.DefaultAnswer(c);
        var (id, speaker) = await fixture.StartSpeakerAsync("premium");
        await using var _ = speaker;
        await using var spanish = await fixture.JoinAsync(id, "es");
        await SocketAssert.StatusAsync(speaker, 0, ("es", 1));

        var caption = await TypeAsync(speaker, spanish, "Please turn to page twelve.");

        Assert.Contains("página", caption.Text(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(fallbacks.GetMeasurementSnapshot(), m => Equals(m.Tags["reason"], "error"));
    }

    [Fact]
    public async Task SlowLlm_ApertiumCaptionArrivesWithinTheBudget_AndOtherLanguagesDoNotWait()
    {
        using var fallbacks = Fallbacks();
        fixture.Llm.Answer = c => c.Target == "es" && c.Text.Contains("eleven", StringComparison.Ordinal)
            ? TranslationTestServer.DefaultAnswer(c) with { Delay = TimeSpan.FromSeconds(30) }
            : TranslationTestServer.DefaultAnswer(c);
        var (id, speaker) = await fixture.StartSpeakerAsync("premium");
        await using var _ = speaker;
        await using var spanish = await fixture.JoinAsync(id, "es");
        await using var catalan = await fixture.JoinAsync(id, "ca");
        await SocketAssert.StatusAsync(speaker, 0, ("ca", 1), ("es", 1));

        var watch = Stopwatch.StartNew();
        await speaker.SendJsonAsync(new { type = "typed", text = "Please turn to page eleven." });
        var transcript = await speaker.WaitForAsync(m => m.Type == "transcript" && m.Final, Wait);
        var inCatalan = await catalan.WaitForAsync(m => m.Type == "caption" && m.Final && m.Seq == transcript.Seq, Wait);
        var catalanAt = watch.Elapsed;
        var inSpanish = await spanish.WaitForAsync(m => m.Type == "caption" && m.Final && m.Seq == transcript.Seq, Wait);
        var spanishAt = watch.Elapsed;

        Assert.Equal(TranslationTestServer.Pseudo("ca", "Please turn to page eleven."), inCatalan.Text());
        Assert.True(catalanAt < PremiumServerFixture.Budget, $"Catalan waited {catalanAt.TotalMilliseconds:0} ms for the slow Spanish call");
        Assert.Contains("página", inSpanish.Text(), StringComparison.OrdinalIgnoreCase);
        Assert.InRange(spanishAt, PremiumServerFixture.Budget, PremiumServerFixture.Budget + TimeSpan.FromSeconds(8)); // 8 s: loaded machine, Apertium may start
        Assert.Contains(fallbacks.GetMeasurementSnapshot(), m => Equals(m.Tags["reason"], "timeout"));
    }

    [Fact]
    public async Task SlowLlm_TheNextPhraseInAnotherLanguage_DoesNotWaitForIt()
    {
        fixture.Llm.Answer = c => c.Target == "es" && c.Text.Contains("nine", StringComparison.Ordinal)
            ? TranslationTestServer.DefaultAnswer(c) with { Delay = TimeSpan.FromSeconds(30) }
            : TranslationTestServer.DefaultAnswer(c);
        var (id, speaker) = await fixture.StartSpeakerAsync("premium");
        await using var _ = speaker;
        await using var spanish = await fixture.JoinAsync(id, "es");
        await using var catalan = await fixture.JoinAsync(id, "ca");
        await SocketAssert.StatusAsync(speaker, 0, ("ca", 1), ("es", 1));

        await speaker.SendJsonAsync(new { type = "typed", text = "Please turn to page nine." });
        await speaker.SendJsonAsync(new { type = "typed", text = "Please turn to page ten." });
        var first = await speaker.WaitForAsync(m => m.Type == "transcript" && m.Final && m.Text().Contains("nine", StringComparison.Ordinal), Wait);
        var second = await speaker.WaitForAsync(m => m.Type == "transcript" && m.Final && m.Text().Contains("ten", StringComparison.Ordinal), Wait);
        var catalanSecond = await catalan.WaitForAsync(m => m.Type == "caption" && m.Final && m.Seq == second.Seq, Wait);
        var spanishFirst = await spanish.WaitForAsync(m => m.Type == "caption" && m.Final && m.Seq == first.Seq, Wait);
        var spanishSecond = await spanish.WaitForAsync(m => m.Type == "caption" && m.Final && m.Seq == second.Seq, Wait);

        // Spanish of the first phrase waits for the budget (then Apertium); Catalan of the second does not wait for it,
        // and Spanish keeps its order.
        Assert.True(catalanSecond.ReceivedTimestamp < spanishFirst.ReceivedTimestamp,
            $"Catalan of phrase {second.Seq} arrived {Stopwatch.GetElapsedTime(spanishFirst.ReceivedTimestamp, catalanSecond.ReceivedTimestamp).TotalMilliseconds:0} ms after Spanish of phrase {first.Seq}");
        Assert.True(spanishFirst.ReceivedTimestamp <= spanishSecond.ReceivedTimestamp);
        Assert.Contains("página", spanishFirst.Text(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task LlmEchoingTheSource_PhraseComesFromApertium()
    {
        fixture.Llm.Answer = c => c.Text.Contains("thirteen", StringComparison.Ordinal) ? TestAnswer.Translation(c.Text) : TranslationTestServer.DefaultAnswer(c);
        var (id, speaker) = await fixture.StartSpeakerAsync("premium");
        await using var _ = speaker;
        await using var spanish = await fixture.JoinAsync(id, "es");
        await SocketAssert.StatusAsync(speaker, 0, ("es", 1));

        var caption = await TypeAsync(speaker, spanish, "Please turn to page thirteen.");

        Assert.Contains("página", caption.Text(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task PatchTier_AppliesFromTheNextPhrase_BothWays()
    {
        fixture.Llm.Answer = TranslationTestServer.DefaultAnswer;
        var (id, speaker) = await fixture.StartSpeakerAsync("standard");
        await using var _ = speaker;
        await using var spanish = await fixture.JoinAsync(id, "es");
        await SocketAssert.StatusAsync(speaker, 0, ("es", 1));
        using var client = fixture.Client();

        var standard = await TypeAsync(speaker, spanish, "Please turn to page two.");
        using (var toPremium = await client.PatchAsJsonAsync("/api/sessions/" + id, new { qualityTier = "premium" }))
        {
            Assert.Equal(HttpStatusCode.OK, toPremium.StatusCode);
            Assert.Equal("premium", (await toPremium.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("qualityTier").GetString());
        }

        var premium = await TypeAsync(speaker, spanish, "Please turn to page three.");
        using (var toStandard = await client.PatchAsJsonAsync("/api/sessions/" + id, new { qualityTier = "standard" }))
        {
            Assert.Equal(HttpStatusCode.OK, toStandard.StatusCode);
        }

        var standardAgain = await TypeAsync(speaker, spanish, "Please turn to page four.");

        Assert.Contains("página", standard.Text(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(TranslationTestServer.Pseudo("es", "Please turn to page three."), premium.Text());
        Assert.Contains("página", standardAgain.Text(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(fixture.Llm.Calls, c => c.Text is "Please turn to page two." or "Please turn to page four.");
    }

    [Fact]
    public async Task Languages_ShowTheEnginesOfEachTier()
    {
        using var client = fixture.Client();

        var languages = await client.GetFromJsonAsync<JsonElement>("/api/languages");

        var tiers = languages.GetProperty("qualityTiers");
        var premium = tiers.GetProperty("premium");
        Assert.True(premium.GetProperty("available").GetBoolean());
        Assert.Equal(1.5, premium.GetProperty("translationBudgetSeconds").GetDouble());
        Assert.Equal(["openai", "apertium"], premium.GetProperty("translation").GetProperty("en").GetProperty("es").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["apertium"], tiers.GetProperty("standard").GetProperty("translation").GetProperty("en").GetProperty("es").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("pocketsphinx", premium.GetProperty("recognition").GetString());
    }

    private static async Task<ReceivedMessage> TypeAsync(ProtocolClient speaker, ProtocolClient listener, string line)
    {
        await speaker.SendJsonAsync(new { type = "typed", text = line });
        var transcript = await speaker.WaitForAsync(m => m.Type == "transcript" && m.Final && m.Text() == line, Wait);
        return await listener.WaitForAsync(m => m.Type == "caption" && m.Final && m.Seq == transcript.Seq, Wait);
    }

    private MetricCollector<long> Fallbacks() =>
        new(fixture.Server.Services.GetRequiredService<IMeterFactory>(), BabelcastMetrics.MeterName, BabelcastMetrics.TranslationFallbacksInstrument);
}
