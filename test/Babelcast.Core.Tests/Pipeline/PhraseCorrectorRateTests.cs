using Babelcast.Core.Pipeline;
using Babelcast.Core.Storage;
using Babelcast.Core.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Babelcast.Core.Tests.Pipeline;

/// <summary>Corrections per minute are counted per session, and a node forgets the sessions that stopped correcting.</summary>
public sealed class PhraseCorrectorRateTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly PhraseCorrector _corrector;

    public PhraseCorrectorRateTests()
    {
        var store = new MemoryTranscriptStore();
        foreach (var session in new[] { "a", "b" })
        {
            store.AddPhraseAsync(new PhraseRecord(session, 1, "phrase 1", 0, 600, _time.GetUtcNow(), null), CancellationToken.None).AsTask().Wait();
        }

        var engines = new EngineSet(
            Options.Create(new EngineOptions { Recognition = "scripted", Translation = "scripted", Synthesis = "scripted", Encoding = "fake" }),
            [new ScriptedRecognizerFactory(PipelineHarness.Words)], [new ScriptedTranslator()], [new ScriptedSynthesizer()], [new FakeEncoder("fake")]);
        var broadcaster = new RecordingBroadcaster("es");
        _corrector = new PhraseCorrector(engines, store, broadcaster, broadcaster, Options.Create(new CorrectionOptions { MaxPerMinute = 2 }),
            _time, NullLogger<PhraseCorrector>.Instance);
    }

    [Fact]
    public async Task ThirdCorrectionInAMinute_Refused_WithTheWait_AndAllowedAfterIt()
    {
        Assert.Equal(CorrectionOutcome.Corrected, (await CorrectAsync("a")).Outcome);
        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(CorrectionOutcome.Corrected, (await CorrectAsync("a")).Outcome);

        var refused = await CorrectAsync("a");
        Assert.Equal(CorrectionOutcome.RateExceeded, refused.Outcome);
        Assert.Equal(40, refused.RetryAfter);
        Assert.Equal(CorrectionOutcome.Corrected, (await CorrectAsync("b")).Outcome);

        _time.Advance(TimeSpan.FromSeconds(41));
        Assert.Equal(CorrectionOutcome.Corrected, (await CorrectAsync("a")).Outcome);
    }

    [Fact]
    public async Task SessionsWithoutACorrectionForAMinute_AreForgotten()
    {
        await CorrectAsync("a");
        await CorrectAsync("b");
        Assert.Equal(2, _corrector.TrackedSessions);

        _time.Advance(TimeSpan.FromSeconds(61));
        await CorrectAsync("a");

        Assert.Equal(1, _corrector.TrackedSessions);
    }

    private Task<(CorrectionOutcome Outcome, int RetryAfter)> CorrectAsync(string session) =>
        _corrector.CorrectAsync(session, "en", 1, "corrected phrase", CancellationToken.None);
}
