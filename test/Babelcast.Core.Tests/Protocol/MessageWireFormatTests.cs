using System.Text;
using Babelcast.Core.Audio;
using Babelcast.Core.Broadcasting;
using Babelcast.Core.Pipeline;
using Babelcast.Core.Protocol;
using Babelcast.Core.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Babelcast.Core.Tests.Protocol;

/// <summary>The exact bytes of each message: clients (the pages, the bench, other people's) depend on them.</summary>
public sealed class MessageWireFormatTests
{
    public static TheoryData<string, string> Messages => new()
    {
        { Text(ConnectionMessages.Error(ErrorCodes.SessionFull, "full")), """{"type":"error","code":"SESSION_FULL","message":"full"}""" },
        {
            Text(ConnectionMessages.Error(ErrorCodes.UnsupportedLanguage, "no", 5, ["es", "fr"])),
            """{"type":"error","code":"UNSUPPORTED_LANGUAGE","message":"no","retryAfter":5,"supportedLanguages":["es","fr"]}"""
        },
        { Text(ConnectionMessages.HeartbeatAck(DateTimeOffset.FromUnixTimeMilliseconds(1234))), """{"type":"heartbeatAck","serverTime":1234}""" },
        { Text(ConnectionMessages.SessionEnded("calm-river-123", "ended by speaker")), """{"type":"sessionEnded","sessionId":"calm-river-123","reason":"ended by speaker"}""" },
        {
            Text(SpeakerMessages.Connected("calm-river-123", SessionStatus.Paused, "en", 16000, true, false, ["es", "ca"])),
            """{"type":"connected","sessionId":"calm-river-123","status":"paused","sourceLanguage":"en","sampleRate":16000,"muted":true,"held":false,"targetLanguages":["es","ca"],"role":"owner"}"""
        },
        { Text(SpeakerMessages.Transcript(4, "hello", false, 100, 100, null)), """{"type":"transcript","seq":4,"text":"hello","final":false,"startMs":100,"endMs":100}""" },
        {
            Text(SpeakerMessages.SessionStatus(new Dictionary<string, int> { ["fr"] = 1, ["es"] = 2 })),
            """{"type":"sessionStatus","listenerCount":3,"languageDistribution":{"es":2,"fr":1}}"""
        },
        { Text(SpeakerMessages.StatusChanged(SessionStatus.Active, false, true)), """{"type":"statusChanged","status":"active","muted":false,"held":true}""" },
        {
            Text(SpeakerMessages.AudioQualityWarning(AudioQualityIssue.LowSnr)),
            """{"type":"audioQualityWarning","issue":"lowSnr","message":"There is a lot of background noise; recognition may suffer."}"""
        },
        {
            Text(ListenerMessages.SessionJoined("calm-river-123", "es", "en", SessionStatus.Active, false, true)),
            """{"type":"sessionJoined","sessionId":"calm-river-123","targetLanguage":"es","sourceLanguage":"en","status":"active","muted":false,"held":true}"""
        },
        {
            Text(ListenerMessages.Caption(3, "es", "hola", true, "hello", 100, 900, true, null)),
            """{"type":"caption","seq":3,"targetLanguage":"es","text":"hola","final":true,"sourceText":"hello","startMs":100,"endMs":900,"replay":true}"""
        },
        {
            Text(ListenerMessages.AudioHeader(3, "es", "mp3", 850, 22050, false, null)),
            """{"type":"audio","seq":3,"targetLanguage":"es","format":"mp3","durationMs":850,"sampleRate":22050}"""
        },
        { Text(ListenerMessages.Paused("calm-river-123", true)), """{"type":"broadcastPaused","sessionId":"calm-river-123"}""" },
        { Text(ListenerMessages.Paused("calm-river-123", false)), """{"type":"broadcastResumed","sessionId":"calm-river-123"}""" },
        { Text(ListenerMessages.Muted("calm-river-123", true)), """{"type":"broadcastMuted","sessionId":"calm-river-123"}""" },
        { Text(ListenerMessages.Muted("calm-river-123", false)), """{"type":"broadcastUnmuted","sessionId":"calm-river-123"}""" },
        { Text(ListenerMessages.Held("calm-river-123", true)), """{"type":"broadcastHeld","sessionId":"calm-river-123"}""" },
        { Text(ListenerMessages.Held("calm-river-123", false)), """{"type":"broadcastUnheld","sessionId":"calm-river-123"}""" },
        {
            Text(ListenerMessages.CaptionCorrected(3, "es", "la casa verde", "the green house", 100, 900, PhraseOrigin.Typed)),
            """{"type":"captionCorrected","seq":3,"targetLanguage":"es","text":"la casa verde","sourceText":"the green house","startMs":100,"endMs":900,"origin":"typed"}"""
        },
        {
            Text(SpeakerMessages.TranscriptCorrected(3, "the green house", ["ca", "es"])),
            """{"type":"transcriptCorrected","seq":3,"text":"the green house","languages":["ca","es"]}"""
        },
        { Text(ListenerMessages.LanguageChanged("ca")), """{"type":"languageChanged","targetLanguage":"ca"}""" },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void Builder_KnownFields_WritesExactJson(string actual, string expected) => Assert.Equal(expected, actual);

    [Fact]
    public void Caption_WithClock_WritesStageTimingsAfterTheFields()
    {
        var time = new FakeTimeProvider();
        var clock = new PhraseClock(time, time.GetTimestamp(), time.GetTimestamp());
        time.Advance(TimeSpan.FromMilliseconds(120));
        clock.Mark("recognised");
        time.Advance(TimeSpan.FromMilliseconds(30.3));

        var frame = ListenerMessages.Caption(1, "es", "hola", true, "hello", 0, 500, false, clock);

        Assert.False(frame.IsBinary);
        Assert.Equal(
            """{"type":"caption","seq":1,"targetLanguage":"es","text":"hola","final":true,"sourceText":"hello","startMs":0,"endMs":500,"timings":{"recognised":120,"sinceSpeechEndMs":150.3}}""",
            Text(frame));
    }

    private static string Text(OutboundFrame frame) => Encoding.UTF8.GetString(frame.Payload.Span);
}
