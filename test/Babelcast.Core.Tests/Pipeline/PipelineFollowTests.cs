using Babelcast.Core.Pipeline;
using Babelcast.Core.Protocol;
using Babelcast.Core.Tests.Fakes;

namespace Babelcast.Core.Tests.Pipeline;

/// <summary>
/// "Follow the speaker" in the pipeline: a final speech phrase the follower recognises as prepared text goes out with
/// its own seq as the cue (text ahead, origin prepared, cues); the rest of a cue already sent goes out as nothing; any
/// other phrase as speech. One caption and one audio per phrase.
/// </summary>
public sealed class PipelineFollowTests
{
    [Fact]
    public async Task FollowedPhrase_GoesOutAsTheCue_RemainderAsNothing_OtherSpeechAsIs()
    {
        var broadcaster = new RecordingBroadcaster("es", "fr");
        var follower = new ListFollower(new Dictionary<string, FollowedPhrase?>
        {
            [PipelineHarness.Words(1)] = new("The Lord is my shepherd.", new PreparedTexts(new Dictionary<string, string> { ["es"] = "El Señor es mi pastor (ahead)." }, false, null) { Cues = [0] }, "en"),
            [PipelineHarness.Words(2)] = new(string.Empty, new PreparedTexts(new Dictionary<string, string>(), false, null), "en", Remainder: true),
        });
        await using var harness = new PipelineHarness(broadcaster, follower: follower);
        await harness.StartAsync();

        harness.Speak(3);
        await harness.EndAsync();

        Assert.Equal([PipelineHarness.Words(1), PipelineHarness.Words(2), PipelineHarness.Words(3)], follower.Asked);
        Assert.Equal([(1, "El Señor es mi pastor (ahead)."), (3, "es: phrase 3")], broadcaster.Captions("es"));
        Assert.Equal([(1, "fr: The Lord is my shepherd."), (3, "fr: phrase 3")], broadcaster.Captions("fr"));
        Assert.Equal(["prepared", "speech"], broadcaster.CaptionOrigins("es"));
        var first = broadcaster.CaptionMessages("fr")[0];
        Assert.Equal([0], first.GetProperty(MessageFields.Cues).EnumerateArray().Select(c => c.GetInt32()));
        Assert.Equal("The Lord is my shepherd.", first.GetProperty(MessageFields.SourceText).GetString());
        Assert.False(broadcaster.CaptionMessages("fr")[1].TryGetProperty(MessageFields.Cues, out _));
        Assert.Equal([1, 3], broadcaster.AudioSeqs("es"));

        var finals = broadcaster.Speaker.Where(m => m.GetProperty("type").GetString() == MessageTypes.Transcript && m.GetProperty(MessageFields.Final).GetBoolean()).ToList();
        Assert.Equal([1L, 3L], finals.Select(f => f.GetProperty(MessageFields.Seq).GetInt64()));
        Assert.Equal("prepared", finals[0].GetProperty(MessageFields.Origin).GetString());
        Assert.Equal("The Lord is my shepherd.", finals[0].GetProperty(MessageFields.Text).GetString());
    }

    [Fact]
    public void ScriptedPhrase_CarriesItsCuesThroughTheLog()
    {
        var phrase = new ScriptedPhrase(PhraseOrigin.Prepared, "en",
            [new ScriptedSegment("Welcome.", new PreparedTexts(new Dictionary<string, string> { ["es"] = "Bienvenidos." }, false, null) { Cues = [4] })]);

        var back = ScriptedPhrase.FromBytes(phrase.ToBytes());

        Assert.Equal([4], back!.Segments[0].Ready.Cues);
        Assert.Null(ScriptedPhrase.FromBytes(new ScriptedPhrase(PhraseOrigin.Typed, "en", [new ScriptedSegment("x", new PreparedTexts(new Dictionary<string, string>(), false, null))]).ToBytes())!.Segments[0].Ready.Cues);
    }

    private sealed class ListFollower(Dictionary<string, FollowedPhrase?> answers) : IScriptFollower
    {
        public List<string> Asked { get; } = [];

        public ValueTask<FollowedPhrase?> FollowAsync(string sessionId, string recognisedText, CancellationToken cancellationToken)
        {
            lock (Asked)
            {
                Asked.Add(recognisedText);
            }

            return ValueTask.FromResult(answers.GetValueOrDefault(recognisedText));
        }
    }
}
