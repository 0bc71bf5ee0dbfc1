using System.Text.Json;
using Babelcast.Core.Broadcasting;
using Babelcast.Core.Cluster;
using Babelcast.Core.Diagnostics;
using Babelcast.Core.Glossaries;
using Babelcast.Core.Protocol;
using Babelcast.Core.Sessions;
using Babelcast.Core.Storage;
using Babelcast.Core.Synthesis;
using Babelcast.Core.Translation;
using Microsoft.Extensions.Logging;

namespace Babelcast.Core.Pipeline;

/// <summary>
/// Turns a final source phrase into captions and audio for every language that has listeners, all languages in
/// parallel. The source phrase is stored before the languages are chosen and each result is stored before it is
/// sent, so that a listener's replay (which translates what it finds untranslated) and the live stream never miss
/// or repeat a phrase. Writes go through the <see cref="TranscriptWriter"/>: while the store refuses them the phrase
/// still goes out live and its records are kept until they can be stored.
/// </summary>
public sealed class PhraseProcessor(
    EngineSet engines,
    IBroadcaster broadcaster,
    IListenerPresence presence,
    TranscriptWriter transcripts,
    IPhraseAudioStore audioStore,
    ISessionWriteFence fence,
    BabelcastMetrics metrics,
    TimeProvider time,
    ILogger<PhraseProcessor> logger,
    ISessionTiers? tiers = null,
    ISessionGlossaries? glossaries = null,
    IScriptFollower? follower = null)
{
    private readonly ISessionTiers _tiers = tiers ?? StandardSessionTiers.Instance;

    /// <summary>The sessions' glossaries, read at the start of each phrase (recognition, canonical spelling, translation).</summary>
    public ISessionGlossaries Glossaries { get; } = glossaries ?? NoSessionGlossaries.Instance;

    /// <summary>Asked for every final speech phrase whether it reads the session's prepared text (follow the speaker).</summary>
    public IScriptFollower Follower { get; } = follower ?? NoScriptFollower.Instance;

    /// <summary>
    /// Stores the phrase and queues its languages, each behind the session's previous phrase in that language
    /// (<paramref name="lanes"/>); completes once they are queued, with the task of the phrase's remaining work (every
    /// language translated, captioned and voiced, then its timings stored). Phrases are started one at a time, in order.
    /// </summary>
    internal async Task<Task> StartAsync(RecognizedPhrase phrase, LanguageLanes lanes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lanes);
        await transcripts.AddPhraseAsync(
            new PhraseRecord(phrase.SessionId, phrase.Seq, phrase.Text, phrase.StartMs, phrase.EndMs, phrase.Clock.Time.GetUtcNow(), null, fence.GenerationOf(phrase.SessionId), phrase.Origin),
            cancellationToken);
        var languages = presence.GetListenerLanguages(phrase.SessionId);
        // Read once per phrase: a tier change (PATCH) applies from the next phrase, to all its languages alike.
        var tier = await _tiers.GetAsync(phrase.SessionId, cancellationToken);
        var glossary = await Glossaries.GetAsync(phrase.SessionId, cancellationToken);
        var work = languages.Select(l => lanes.Enqueue(l, () => ProcessLanguageAsync(phrase, l, tier, glossary, cancellationToken))).ToList();
        return FinishAsync(phrase, work, cancellationToken);
    }

    private async Task FinishAsync(RecognizedPhrase phrase, List<Task> languages, CancellationToken cancellationToken)
    {
        await Task.WhenAll(languages);
        var timings = JsonSerializer.Serialize(phrase.Clock.Snapshot());
        await transcripts.UpdatePhraseTimingsAsync(phrase.SessionId, phrase.Seq, timings, cancellationToken);
        metrics.PhraseRecognised();
        Log.PhraseDone(logger, phrase.SessionId, phrase.Seq, phrase.Text, timings);
    }

    /// <summary>
    /// Produces a stored phrase in a language it was not produced in (nobody listened in that language then), for a
    /// listener who resumes; returns the caption and audio deliveries without broadcasting them.
    /// </summary>
    public async Task<IReadOnlyList<Delivery>> CatchUpAsync(PhraseRecord phrase, string sourceLanguage, string language, CancellationToken cancellationToken)
    {
        var recognized = new RecognizedPhrase(phrase.SessionId, sourceLanguage, phrase.Seq, phrase.SourceText, phrase.StartMs, phrase.EndMs,
            Prosody.Neutral, new PhraseClock(time, time.GetTimestamp(), time.GetTimestamp()), phrase.Origin)
        {
            // The store keeps a passage's source text, not the other Bibles' texts: a late language gets a marked translation.
            Ready = phrase.Origin == PhraseOrigin.Scripture ? new PreparedTexts(new Dictionary<string, string>(), true, null) : null,
        };
        var deliveries = new List<Delivery>(2);
        var tier = await _tiers.GetAsync(phrase.SessionId, cancellationToken);
        var glossary = await Glossaries.GetAsync(phrase.SessionId, cancellationToken);
        await ProcessLanguageAsync(recognized, language, tier, glossary, cancellationToken, deliveries);
        return deliveries;
    }

    /// <summary>
    /// One language of one phrase. A failure is that language's alone: the other languages and the next phrase go on.
    /// The caption is sent before synthesis, so a phrase whose synthesis fails still reaches listeners as text.
    /// </summary>
    private async Task ProcessLanguageAsync(
        RecognizedPhrase phrase, string language, QualityTier tier, SessionGlossary glossary, CancellationToken cancellationToken, List<Delivery>? collect = null)
    {
        var stage = "translation";
        try
        {
            var (text, machineTranslated) = await TranslateAsync(phrase, language, tier, glossary, cancellationToken);
            if (text.Length == 0)
            {
                return;
            }

            var clock = phrase.Clock;
            clock.Mark("translated." + language);
            Observe(clock, "translated", collect);
            await transcripts.AddTranslationAsync(
                new TranslationRecord(
                    phrase.SessionId, phrase.Seq, language, text, phrase.Text, phrase.StartMs, phrase.EndMs, 0, clock.Time.GetUtcNow(), fence.GenerationOf(phrase.SessionId), phrase.Origin),
                cancellationToken);
            var caption = ListenerMessages.Caption(phrase.Seq, language, text, true, phrase.Text, phrase.StartMs, phrase.EndMs, collect is not null, clock, phrase.Origin,
                new CaptionMarks(phrase.Ready?.Reference, machineTranslated, phrase.Ready?.Cues));
            Deliver(phrase, language, new Delivery(DeliveryKind.FinalCaption, phrase.Seq, [caption]), collect);
            Observe(clock, "captionSent", collect);

            stage = "synthesis";
            var speech = await engines.Synthesizer.SynthesizeAsync(text, language, phrase.Prosody, cancellationToken);
            clock.Mark("synthesised." + language);
            Observe(clock, "synthesised", collect);
            if (speech.Samples.Length == 0)
            {
                return;
            }

            stage = "encoding";
            var encoded = engines.Encoder.Encode(speech.Samples, speech.SampleRate);
            clock.Mark("encoded." + language);
            Observe(clock, "encoded", collect);
            await audioStore.SaveAsync(phrase.SessionId, phrase.Seq, language, encoded, cancellationToken);
            var header = ListenerMessages.AudioHeader(phrase.Seq, language, engines.Encoder.Format, speech.DurationMs, speech.SampleRate, collect is not null, clock);
            Deliver(phrase, language, new Delivery(DeliveryKind.Audio, phrase.Seq, [header, new OutboundFrame(encoded, true)]), collect);
            clock.Mark("sent." + language);
            Observe(clock, "audioSent", collect);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // One language failing must not take the others (or the session) down.
            metrics.Error(ErrorCodes.PipelineLanguageFailed);
            Log.LanguageFailed(logger, phrase.SessionId, phrase.Seq, language, ex);
            if (collect is null)
            {
                broadcaster.SendToSpeaker(phrase.SessionId, ConnectionMessages.Error(
                    ErrorCodes.PipelineLanguageFailed, $"Phrase {phrase.Seq} in {language}: {stage} failed; the other languages and the next phrase go on."));
            }
        }
    }

    private void Deliver(RecognizedPhrase phrase, string language, Delivery delivery, List<Delivery>? collect)
    {
        if (collect is null)
        {
            broadcaster.SendToListeners(phrase.SessionId, language, delivery);
        }
        else
        {
            collect.Add(delivery);
        }
    }

    /// <summary>The phrase's text in <paramref name="language"/>, and whether it is a machine translation the listener should be told about.</summary>
    private async ValueTask<(string Text, bool MachineTranslated)> TranslateAsync(
        RecognizedPhrase phrase, string language, QualityTier tier, SessionGlossary glossary, CancellationToken cancellationToken)
    {
        if (phrase.Ready?.For(language) is { } ready)
        {
            return (ready, false);
        }

        if (string.Equals(language, phrase.SourceLanguage, StringComparison.OrdinalIgnoreCase))
        {
            return (phrase.Text, false);
        }

        metrics.TranslationRequested(language);
        var result = await GlossaryTranslation.TranslateAsync(
            engines.TranslatorFor(tier), glossary, new TranslationRequest(phrase.Text, phrase.SourceLanguage, language, phrase.Context), cancellationToken);
        if (!result.Success)
        {
            metrics.Error(ErrorCodes.TranslationFailed);
            Log.TranslationFailed(logger, phrase.SessionId, phrase.Seq, language, result.Error);
            return (string.Empty, false);
        }

        return (TextFilter.Clean(result.Text), phrase.Ready?.OthersMachineTranslated == true);
    }

    private void Observe(PhraseClock clock, string stage, List<Delivery>? collect)
    {
        if (collect is null)
        {
            metrics.StageReached(stage, clock.ElapsedMs() / 1000.0);
        }
    }
}
