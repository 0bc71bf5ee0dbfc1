using Babelcast.Core.Pipeline;
using Babelcast.Core.Protocol;
using Babelcast.Core.Tests.Fakes;

namespace Babelcast.Core.Tests.Pipeline;

/// <summary>
/// Bible passages and prepared text in the pipeline: each segment goes out as a phrase in order with the speech around
/// it, with the ready text where the item brings one and a translation (marked for Scripture) elsewhere; and a
/// reference in a final text is offered to the speaker.
/// </summary>
public sealed class PipelineScriptedPhraseTests
{
    private static ScriptedPhrase Passage() => new(PhraseOrigin.Scripture, "en",
    [
        new ScriptedSegment("For God so loved the world.", new PreparedTexts(new Dictionary<string, string> { ["es"] = "Porque de tal manera amó Dios al mundo." }, true, "John 3:16")),
        new ScriptedSegment("For God did not send his Son.", new PreparedTexts(new Dictionary<string, string> { ["es"] = "Porque no envió Dios á su Hijo." }, true, "John 3:17")),
    ]);

    [Fact]
    public async Task Passage_EachSegmentAPhrase_ReadyTextWhereThereIsOne_ElseTranslatedAndMarked()
    {
        var broadcaster = new RecordingBroadcaster("es", "fr");
        await using var harness = new PipelineHarness(broadcaster);
        await harness.StartAsync();

        harness.Speak(1);
        harness.Send(Passage());
        harness.Speak(1);
        await harness.EndAsync();

        Assert.Equal([(1, "es: phrase 1"), (2, "Porque de tal manera amó Dios al mundo."), (3, "Porque no envió Dios á su Hijo."), (4, "es: phrase 2")], broadcaster.Captions("es"));
        Assert.Equal([(1, "fr: phrase 1"), (2, "fr: For God so loved the world."), (3, "fr: For God did not send his Son."), (4, "fr: phrase 2")], broadcaster.Captions("fr"));
        Assert.Equal(["speech", "scripture", "scripture", "speech"], broadcaster.CaptionOrigins("es"));
        var es = broadcaster.CaptionMessages("es");
        var fr = broadcaster.CaptionMessages("fr");
        Assert.Equal(["John 3:16", "John 3:17"], es.Skip(1).Take(2).Select(c => c.GetProperty(MessageFields.Ref).GetString()));
        Assert.All(es, c => Assert.False(c.TryGetProperty(MessageFields.MachineTranslated, out _)));
        Assert.Equal([false, true, true, false], fr.Select(c => c.TryGetProperty(MessageFields.MachineTranslated, out var m) && m.GetBoolean()));
        Assert.Equal([1, 2, 3, 4], broadcaster.AudioSeqs("fr"));
    }

    [Fact]
    public async Task PreparedCue_UsesTheTextTranslatedAhead_AndTranslatesTheOtherLanguagesUnmarked()
    {
        var broadcaster = new RecordingBroadcaster("es", "fr");
        await using var harness = new PipelineHarness(broadcaster);
        await harness.StartAsync();

        harness.Send(new ScriptedPhrase(PhraseOrigin.Prepared, "en",
            [new ScriptedSegment("Welcome.", new PreparedTexts(new Dictionary<string, string> { ["es"] = "Bienvenidos (ahead)." }, false, null))]));
        await harness.EndAsync();

        Assert.Equal([(1, "Bienvenidos (ahead).")], broadcaster.Captions("es"));
        Assert.Equal([(1, "fr: Welcome.")], broadcaster.Captions("fr"));
        Assert.Equal(["prepared"], broadcaster.CaptionOrigins("fr"));
        Assert.False(broadcaster.CaptionMessages("fr")[0].TryGetProperty(MessageFields.MachineTranslated, out _));
        var transcript = Assert.Single(broadcaster.Speaker, m => m.GetProperty("type").GetString() == MessageTypes.Transcript);
        Assert.Equal("prepared", transcript.GetProperty(MessageFields.Origin).GetString());
    }

    [Fact]
    public async Task TypedLineNamingAReference_OffersItToTheSpeakerOnly()
    {
        var broadcaster = new RecordingBroadcaster("es");
        await using var harness = new PipelineHarness(broadcaster);
        await harness.StartAsync();

        harness.Type("Turn to Romans chapter eight and John 3:16.");
        harness.Type("Call John 3 times.");
        await harness.EndAsync();

        var offers = broadcaster.Speaker.Where(m => m.GetProperty("type").GetString() == MessageTypes.ScriptureDetected).ToList();
        Assert.Equal(["Romans 8:1-20", "John 3:16"], offers.Select(o => o.GetProperty(MessageFields.Ref).GetString()));
        Assert.Equal(["Romans 8", "John 3:16"], offers.Select(o => o.GetProperty(MessageFields.Display).GetString()));
        Assert.Equal([true, false], offers.Select(o => o.GetProperty(MessageFields.Truncated).GetBoolean()));
        Assert.All(offers, o => Assert.Equal(1, o.GetProperty(MessageFields.Seq).GetInt64()));
    }

    [Fact]
    public void ScriptedPhrase_RoundTrips_AndAnUnreadablePayloadIsNull()
    {
        var back = ScriptedPhrase.FromBytes(Passage().ToBytes())!;

        Assert.Equal(PhraseOrigin.Scripture, back.Origin);
        Assert.Equal("en", back.SourceLanguage);
        Assert.Equal(["John 3:16", "John 3:17"], back.Segments.Select(s => s.Ready.Reference));
        Assert.Equal("Porque no envió Dios á su Hijo.", back.Segments[1].Ready.For("es-MX"));
        Assert.True(back.Segments[0].Ready.OthersMachineTranslated);
        Assert.Null(ScriptedPhrase.FromBytes("not json"u8));
        Assert.Null(ScriptedPhrase.FromBytes("""{"origin":"scripture"}"""u8));
    }
}
